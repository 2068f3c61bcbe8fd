using TradingPlatform.ServiceDefaults.Data;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.ServiceDefaults.Redis;
using TradingPlatform.Api.Messaging;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Support;

/// <summary>
/// The Api's real Program on the fixture's servers, with a random signing key (never one from source), rate limits
/// off unless a test turns them on, a cheap password-hash cost, optionally a fake clock, one client IP address per
/// instance (TestServer has none, and the rate limiter counts per address), and two test-only routes that fail the way
/// production code can (see <see cref="FaultRoutes"/>). Each instance is a deployment of its own on the shared servers:
/// a Redis key prefix of its own (quotes, fan-out, sessions, rate limits, feed leadership) and so a consumer queue of
/// its own, so that no other test's feed or data reaches it; tests of replicas pass <see cref="ReplicaSetting"/> to
/// the second instance. Use <see cref="StartAsync"/> for tests that need the identity schema: it returns once the
/// migrations have run.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private const string KeyPrefixSetting = RedisNamespaceOptions.Section + ":" + nameof(RedisNamespaceOptions.KeyPrefix);
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private bool _disposed;

    public ApiFactory(InfrastructureFixture infrastructure, FakeTimeProvider? time = null, params (string Key, string? Value)[] overrides)
        : this(infrastructure, "Development", time, overrides)
    {
    }

    public ApiFactory(InfrastructureFixture infrastructure, string environment, params (string Key, string? Value)[] overrides)
        : this(infrastructure, environment, null, overrides)
    {
    }

    private ApiFactory(InfrastructureFixture infrastructure, string environment, FakeTimeProvider? time, (string Key, string? Value)[] overrides)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        _environment = environment;
        Time = time;
        SigningKey = RandomNumberGenerator.GetHexString(64);
        _settings = new Dictionary<string, string?>(infrastructure.Configuration, StringComparer.OrdinalIgnoreCase)
        {
            ["Jwt:SigningKey"] = SigningKey,
            ["RateLimiting:Enabled"] = "false",
            // The hasher's code is the same at any cost; the production cost would only slow the suite down.
            ["AccountSecurity:PasswordHashIterations"] = "10000",
            // Nothing listens here: tests that need the AiService start a stand-in and override this.
            ["services:ai:http:0"] = $"http://127.0.0.1:{ClosedPort.Next()}",
            // The simulated market stays still: tests publish the quotes they need into the QuoteBook. Tests of the
            // feed or of history generation turn these on.
            ["Market:Feed:Enabled"] = "false",
            ["Market:History:Enabled"] = "false",
            // Redis keys never expire with the instance that wrote them (the feed's quotes have no TTL at all), and
            // WebSocket fan-out channels reach every subscriber: without a namespace of its own, an instance would read
            // the quotes of every feed that ever ran in the suite, and its clients would get their prices.
            [KeyPrefixSetting] = $"test-{Guid.NewGuid():N}:",
        };
        foreach (var (key, value) in overrides)
        {
            _settings[key] = value;
        }
    }

    /// <summary>The HS256 key this Api instance trusts, for tests that forge tokens with it.</summary>
    public string SigningKey { get; }

    public FakeTimeProvider? Time { get; }

    /// <summary>This instance's Redis key prefix (unique unless a test made it a replica of another).</summary>
    public string RedisKeyPrefix => _settings[KeyPrefixSetting] ?? "";

    /// <summary>The queue of this instance's Api consumer (its Redis key prefix before the consumer's name).</summary>
    public string ConsumerName => _settings.GetValueOrDefault("MessagingOptions:ConsumerName") ?? RedisKeyPrefix + MessagingExtensions.ConsumerName;

    /// <summary>The setting that makes another instance a replica of this one: the same Redis key prefix.</summary>
    public (string Key, string? Value) ReplicaSetting => (KeyPrefixSetting, RedisKeyPrefix);

    /// <summary>An address unique to this factory (from 10/8), so rate-limit counters of tests never mix.</summary>
    public IPAddress ClientIp { get; private set; } = new(RandomNumberGenerator.GetBytes(3).Prepend((byte)10).ToArray());

    /// <summary>Makes this instance's client the same address as another's (call before the first request).</summary>
    public void UseClientIp(IPAddress address) => ClientIp = address;

    public static async Task<ApiFactory> StartAsync(
        InfrastructureFixture infrastructure, FakeTimeProvider? time = null, params (string Key, string? Value)[] overrides)
    {
        var factory = new ApiFactory(infrastructure, time, overrides);
        try
        {
            await factory.Services.GetRequiredService<SchemaStatus<IdentityDbContext>>().Completion.WaitAsync(TimeSpan.FromSeconds(60));
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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_disposed)
        {
            _disposed = true;
            await ConsumerQueueCleanup.DeleteAsync(_settings.GetValueOrDefault("ConnectionStrings:messaging"), ConsumerName);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // UseSetting is visible while Program.cs composes the app, when the clients read their connection strings.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddTransient<IStartupFilter>(_ => new FaultRoutes(() => ClientIp));
            if (Time is not null)
            {
                services.AddSingleton<TimeProvider>(Time);
            }
        });
    }
}
