using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Support.Auth;

/// <summary>
/// The real Api on the fixture's servers, with a random signing key (never one from source), rate limits off
/// unless a test turns them on, a cheap password-hash cost, and optionally a fake clock. Await
/// <see cref="StartAsync"/> before sending requests: it returns once the identity schema is migrated.
/// </summary>
public sealed class IdentityApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public IdentityApiFactory(InfrastructureFixture infrastructure, FakeTimeProvider? time = null, params (string Key, string? Value)[] overrides)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        Time = time;
        SigningKey = RandomNumberGenerator.GetHexString(64);
        _settings = new Dictionary<string, string?>(infrastructure.Configuration)
        {
            ["Jwt:SigningKey"] = SigningKey,
            ["RateLimiting:Enabled"] = "false",
            // The hasher's code is the same at any cost; the production cost would only slow the suite down.
            ["AccountSecurity:PasswordHashIterations"] = "10000",
            // Nothing here calls the AiService; its client only needs an address.
            ["services:ai:http:0"] = "http://127.0.0.1:9",
        };
        foreach (var (key, value) in overrides)
        {
            _settings[key] = value;
        }
    }

    /// <summary>The HS256 key this Api instance trusts, for tests that forge tokens with it.</summary>
    public string SigningKey { get; }

    public FakeTimeProvider? Time { get; }

    public static async Task<IdentityApiFactory> StartAsync(
        InfrastructureFixture infrastructure, FakeTimeProvider? time = null, params (string Key, string? Value)[] overrides)
    {
        var factory = new IdentityApiFactory(infrastructure, time, overrides);
        try
        {
            await factory.Services.GetRequiredService<IdentityMigrationStatus>().Completion.WaitAsync(TimeSpan.FromSeconds(60));
            return factory;
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting is visible while Program.cs composes the app, when the clients read their connection strings.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (Time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        }
    }
}
