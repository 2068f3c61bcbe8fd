using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Testing;

namespace TradingPlatform.Worker.Tests.Support;

/// <summary>
/// The Worker's real Program on the fixture's servers, with a random JWT signing key (the dashboard's), optional
/// overrides, and test-only services (job types of the tests' own, registered as a job's contract would be).
/// </summary>
public sealed class WorkerFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public WorkerFactory(InfrastructureFixture infrastructure, Action<IServiceCollection>? services = null, params (string Key, string? Value)[] overrides)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        _services = services;
        SigningKey = RandomNumberGenerator.GetHexString(64);
        _settings = new Dictionary<string, string?>(infrastructure.Configuration, StringComparer.OrdinalIgnoreCase)
        {
            ["Jwt:SigningKey"] = SigningKey,
        };
        foreach (var (key, value) in overrides)
        {
            _settings[key] = value;
        }
    }

    /// <summary>The key this Worker trusts, for minting tokens as the Api would.</summary>
    public string SigningKey { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting is visible while Program.cs composes the app, when the clients read their connection strings.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
