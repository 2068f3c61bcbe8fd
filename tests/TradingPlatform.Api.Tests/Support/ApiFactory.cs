using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Support;

/// <summary>
/// The Api's real Program on the fixture's servers, as one client IP address (TestServer has none, and the rate
/// limiter counts per address), with a random JWT key, rate limiting off unless a test turns it on, and two test-only
/// routes that fail the way production code can (see <see cref="FaultRoutes"/>).
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;

    public ApiFactory(InfrastructureFixture infrastructure, string environment = "Development", params (string Key, string? Value)[] overrides)
    {
        _environment = environment;
        _settings = new Dictionary<string, string?>(infrastructure.Configuration, StringComparer.OrdinalIgnoreCase)
        {
            ["services:ai:http:0"] = $"http://127.0.0.1:{ClosedPort.Next()}",
            ["Jwt:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["RateLimiting:Enabled"] = "false",
        };
        foreach (var (key, value) in overrides)
        {
            _settings[key] = value;
        }
    }

    /// <summary>An address unique to this factory (from 10/8), so rate-limit counters of tests never mix.</summary>
    public IPAddress ClientIp { get; private set; } = new(RandomNumberGenerator.GetBytes(3).Prepend((byte)10).ToArray());

    /// <summary>Makes this instance's client the same address as another's (call before the first request).</summary>
    public void UseClientIp(IPAddress address) => ClientIp = address;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter>(_ => new FaultRoutes(() => ClientIp)));
    }
}
