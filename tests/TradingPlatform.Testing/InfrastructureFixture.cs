using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Xunit;

namespace TradingPlatform.Testing;

/// <summary>
/// Real PostgreSQL (database <c>tradingdb</c>), Redis and RabbitMQ servers as local processes on ports DCP allocates,
/// in a temporary folder, started through Aspire from the TestServers AppHost, for WebApplicationFactory tests of one
/// service. Share one per test collection; every process and folder is removed on dispose, also when a test fails, and
/// DCP stops the servers when the test process dies.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    /// <summary>
    /// The name of the collection that shares one fixture. xunit reads collection definitions only from the test
    /// assembly itself, so each test project declares its own definition class under this name.
    /// </summary>
    public const string CollectionName = "Infrastructure";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private readonly Dictionary<string, string?> _configuration = [];
    private DistributedApplication? _application;
    private string? _dataPath;

    public string TradingDb => Get("tradingdb");

    public string Cache => Get("cache");

    public string Messaging => Get("messaging");

    /// <summary>`ConnectionStrings:tradingdb`, `:cache`, `:messaging` as configuration pairs.</summary>
    public IReadOnlyDictionary<string, string?> Configuration => _configuration;

    /// <summary>The servers' application, for tests that crash or inspect a server.</summary>
    public DistributedApplication Application => _application ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _dataPath = TestDataFolders.Create();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            var builder = await TestServers.CreateBuilderAsync(_dataPath, cancellationToken: timeout.Token);
            _application = await builder.BuildAsync(timeout.Token);
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

        if (_dataPath is not null)
        {
            TestDataFolders.Delete(_dataPath);
            _dataPath = null;
        }
    }

    private string Get(string name) =>
        _configuration.GetValueOrDefault($"ConnectionStrings:{name}")
        ?? throw new InvalidOperationException("The fixture has not started.");
}
