using TradingPlatform.Hosting;
using TradingPlatform.Hosting.Testing;
using Xunit;

namespace TradingPlatform.Testing;

/// <summary>
/// Starts real PostgreSQL (database <c>tradingdb</c>), Redis and RabbitMQ servers as local processes on free
/// loopback ports in temporary folders, for WebApplicationFactory tests of one service. Share one per test
/// collection; every process and folder is removed on dispose, also when a test fails.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    /// <summary>
    /// The name of the collection that shares one fixture. xunit reads collection definitions only from the test
    /// assembly itself, so each test project declares its own definition class under this name.
    /// </summary>
    public const string CollectionName = "Infrastructure";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private DistributedApplication? _application;
    private Dictionary<string, string?> _configuration = [];

    public string TradingDb => Get("tradingdb");

    public string Cache => Get("cache");

    public string Messaging => Get("messaging");

    /// <summary>`ConnectionStrings:tradingdb`, `:cache`, `:messaging` as configuration pairs.</summary>
    public IReadOnlyDictionary<string, string?> Configuration => _configuration;

    /// <summary>The servers' application model, for tests that need their logs or state.</summary>
    public DistributedApplication Application => _application ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddPostgres("postgres").AddDatabase("tradingdb");
        builder.AddRedis("cache");
        builder.AddRabbitMQ("messaging");
        _application = builder.Build();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await _application.StartAsync(timeout.Token);
            foreach (var name in new[] { "tradingdb", "cache", "messaging" })
            {
                await _application.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
                _configuration[$"ConnectionStrings:{name}"] = await _application.GetConnectionStringAsync(name, timeout.Token);
            }
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_application is not null)
        {
            await _application.DisposeAsync();
            _application = null;
        }
    }

    private string Get(string name) =>
        _configuration.GetValueOrDefault($"ConnectionStrings:{name}")
        ?? throw new InvalidOperationException("The fixture has not started.");
}
