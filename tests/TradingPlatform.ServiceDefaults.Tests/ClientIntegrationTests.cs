using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using StackExchange.Redis;
using TradingPlatform.ServiceDefaults.HealthChecks;
using TradingPlatform.Testing;

namespace TradingPlatform.ServiceDefaults.Tests;

/// <summary>
/// Aspire's client integrations with ServiceDefaults' checks, against real servers, closed ports, wrong passwords and
/// a server that comes up after the service.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ClientIntegrationTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Npgsql_db_context_queries_the_database_with_retries_and_its_check_is_healthy()
    {
        await using var app = await StartAsync("tradingdb", infrastructure.TradingDb, ServiceClients.AddDatabase);
        await using var scope = app.App.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();

        Assert.Equal(1, await context.Database.SqlQuery<int>($"SELECT 1 AS \"Value\"").SingleAsync());
        Assert.True(context.Database.CreateExecutionStrategy().RetriesOnFailure);
        await AssertCheckAsync(app, "tradingdb", HealthStatus.Healthy);
    }

    [Fact]
    public async Task Npgsql_check_reports_a_wrong_password()
    {
        var wrongPassword = new NpgsqlConnectionStringBuilder(infrastructure.TradingDb) { Password = "wrong" }.ConnectionString;
        await using var app = await StartAsync("tradingdb", wrongPassword, ServiceClients.AddDatabase);

        var entry = await AssertCheckAsync(app, "tradingdb", HealthStatus.Unhealthy);

        Assert.Contains("password authentication failed", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Npgsql_check_reports_a_closed_port_at_once()
    {
        await using var app = await StartAsync("tradingdb", ClosedPort.ConnectionStringFor("tradingdb"), ServiceClients.AddDatabase);

        // Aspire's own DbContext check answers this after about a minute of execution-strategy retries, with no reason.
        var stopwatch = Stopwatch.StartNew();
        var entry = await AssertCheckAsync(app, "tradingdb", HealthStatus.Unhealthy);

        Assert.True(stopwatch.Elapsed < DependencyHealthChecks.Timeout, $"The check took {stopwatch.Elapsed}.");
        Assert.Contains("refused", entry.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_second_context_on_the_same_connection_keeps_its_own_npgsql_options_and_adds_no_second_check()
    {
        await using var app = await StartAsync("tradingdb", infrastructure.TradingDb, builder =>
        {
            ServiceClients.AddDatabase(builder);
            // As the identity and analytics contexts keep their migrations history in their own schema.
            ServiceClients.AddDatabase<SecondProbeDbContext>(builder, configure: options =>
                options.UseNpgsql(npgsql => npgsql.MigrationsHistoryTable("__history", "second")));
        });
        await using var scope = app.App.Services.CreateAsyncScope();
        var second = scope.ServiceProvider.GetRequiredService<SecondProbeDbContext>();

        var npgsql = RelationalOptionsExtension.Extract(second.GetService<IDbContextOptions>());
        Assert.Equal(("__history", "second"), (npgsql.MigrationsHistoryTableName, npgsql.MigrationsHistoryTableSchema));
        // Adding to Aspire's options kept its connection string and its retries.
        Assert.Equal(infrastructure.TradingDb, npgsql.ConnectionString);
        Assert.True(second.Database.CreateExecutionStrategy().RetriesOnFailure);
        Assert.Equal(1, await second.Database.SqlQuery<int>($"SELECT 1 AS \"Value\"").SingleAsync());

        Assert.Equal(["self", "tradingdb"], RegisteredCheckNames(app.App.Services));
    }

    [Fact]
    public async Task Redis_client_round_trips_and_its_check_is_healthy()
    {
        await using var app = await StartAsync("cache", infrastructure.Cache, ServiceClients.AddCache);
        var database = app.App.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

        var key = $"test:{Guid.NewGuid():N}";
        Assert.True(await database.StringSetAsync(key, "value", TimeSpan.FromMinutes(1)));
        Assert.Equal("value", (string?)await database.StringGetAsync(key));
        await AssertCheckAsync(app, "cache", HealthStatus.Healthy);
    }

    [Fact]
    public async Task Redis_that_is_down_neither_fails_startup_nor_hangs_the_check()
    {
        await using var app = await StartAsync("cache", ClosedPort.ConnectionStringFor("cache"), ServiceClients.AddCache);

        // Aspire's multiplexer is built on first resolution, which against a dead server waits out the ConnectTimeout
        // (5 s); the check must not wait for it.
        var stopwatch = Stopwatch.StartNew();
        var entry = await AssertCheckAsync(app, "cache", HealthStatus.Unhealthy);
        Assert.True(stopwatch.Elapsed < DependencyHealthChecks.Timeout, $"The check took {stopwatch.Elapsed}.");
        Assert.Contains("refused", entry.Description, StringComparison.OrdinalIgnoreCase);

        // AbortOnConnectFail=false (Aspire's default): the multiplexer exists, disconnected, and keeps trying.
        Assert.False(app.App.Services.GetRequiredService<IConnectionMultiplexer>().IsConnected);
        entry = await AssertCheckAsync(app, "cache", HealthStatus.Unhealthy);
        Assert.Contains("Not connected", entry.Description, StringComparison.Ordinal);
        Assert.Contains("refused", entry.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Redis_that_comes_up_after_the_service_is_reached_by_the_reconnecting_client()
    {
        var port = ClosedPort.Next();
        var options = ConfigurationOptions.Parse(infrastructure.Cache);
        var target = Assert.IsType<System.Net.IPEndPoint>(Assert.Single(options.EndPoints)).Port;
        options.EndPoints.Clear();
        options.EndPoints.Add(System.Net.IPAddress.Loopback, port);
        await using var redis = new TcpForwarder(port, target);
        await using var app = await StartAsync("cache", options.ToString(includePassword: true), ServiceClients.AddCache);
        await AssertCheckAsync(app, "cache", HealthStatus.Unhealthy);

        redis.Start();

        // The multiplexer reconnects on its own schedule (heartbeat and back-off): poll the check, never sleep.
        var entry = await Poll.UntilAsync(() => CheckAsync(app, "cache"), e => e.Status == HealthStatus.Healthy,
            TimeSpan.FromSeconds(60), "the cache check to become healthy");
        Assert.StartsWith("PING answered", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_check_reports_a_failing_handshake()
    {
        var wrongPassword = ConfigurationOptions.Parse(infrastructure.Cache);
        wrongPassword.Password = "wrong";
        await using var app = await StartAsync("cache", wrongPassword.ToString(includePassword: true), ServiceClients.AddCache);

        var entry = await AssertCheckAsync(app, "cache", HealthStatus.Unhealthy);

        Assert.Contains("handshake", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RabbitMQ_connection_is_open_and_recovering_and_its_check_is_healthy()
    {
        await using var app = await StartAsync("messaging", infrastructure.Messaging, ServiceClients.AddMessaging);

        var factory = Assert.IsType<ConnectionFactory>(app.App.Services.GetRequiredService<IConnectionFactory>());
        Assert.True(factory.AutomaticRecoveryEnabled);
        var connection = app.App.Services.GetRequiredService<IConnection>();
        Assert.True(connection.IsOpen);
        await using (var channel = await connection.CreateChannelAsync())
        {
            var queue = await channel.QueueDeclareAsync(exclusive: true);
            Assert.StartsWith("amq.gen-", queue.QueueName, StringComparison.Ordinal);
        }

        var entry = await AssertCheckAsync(app, "messaging", HealthStatus.Healthy);
        Assert.StartsWith("Connected to", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RabbitMQ_that_is_down_at_start_makes_the_check_unhealthy_instead_of_crashing()
    {
        await using var app = await StartAsync("messaging", ClosedPort.ConnectionStringFor("messaging"), ServiceClients.AddMessaging);

        var stopwatch = Stopwatch.StartNew();
        var entry = await AssertCheckAsync(app, "messaging", HealthStatus.Unhealthy);
        Assert.True(stopwatch.Elapsed < DependencyHealthChecks.Timeout, $"The check took {stopwatch.Elapsed}.");
        Assert.Contains("refused", entry.Description, StringComparison.OrdinalIgnoreCase);

        // Whoever needs the connection itself gets the broker's error (Aspire's resolution throws), and the app runs on.
        Assert.Throws<BrokerUnreachableException>(() => app.App.Services.GetRequiredService<IConnection>());
        Assert.False(app.Lifetime.ApplicationStopping.IsCancellationRequested);
    }

    [Fact]
    public async Task RabbitMQ_that_comes_up_after_the_service_is_connected_to_by_the_next_probe()
    {
        var port = ClosedPort.Next();
        var target = new Uri(infrastructure.Messaging).Port;
        var connectionString = new UriBuilder(infrastructure.Messaging) { Port = port }.Uri.ToString();
        await using var broker = new TcpForwarder(port, target);
        await using var app = await StartAsync("messaging", connectionString, ServiceClients.AddMessaging);
        Assert.Contains("refused", (await AssertCheckAsync(app, "messaging", HealthStatus.Unhealthy)).Description, StringComparison.OrdinalIgnoreCase);

        broker.Start();

        // The failed resolution was not cached: the next probe resolves the connection again, and that opens it.
        await AssertCheckAsync(app, "messaging", HealthStatus.Healthy);
        Assert.True(app.App.Services.GetRequiredService<IConnection>().IsOpen);
    }

    [Fact]
    public async Task RabbitMQ_check_reports_a_wrong_password()
    {
        var wrongPassword = new UriBuilder(infrastructure.Messaging) { Password = "wrong" }.Uri.ToString();
        await using var app = await StartAsync("messaging", wrongPassword, ServiceClients.AddMessaging);

        var entry = await AssertCheckAsync(app, "messaging", HealthStatus.Unhealthy);

        Assert.Contains("ACCESS_REFUSED", entry.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tradingdb")]
    [InlineData("cache")]
    [InlineData("messaging")]
    public void Each_check_is_named_after_its_connection_tagged_ready_and_time_limited(string name)
    {
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?>(infrastructure.Configuration));
        ServiceClients.AddDatabase(builder);
        ServiceClients.AddCache(builder);
        ServiceClients.AddMessaging(builder);
        using var services = builder.Services.BuildServiceProvider();

        var registration = Assert.Single(
            services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations,
            r => r.Name == name);

        Assert.Equal(["ready"], registration.Tags);
        Assert.Equal(DependencyHealthChecks.Timeout, registration.Timeout);
        Assert.True(registration.Timeout <= TimeSpan.FromSeconds(10));
        // Aspire's own checks ("ProbeDbContext", "StackExchange.Redis", "RabbitMQ.Client") are switched off.
        Assert.Equal(["cache", "messaging", "tradingdb"], RegisteredCheckNames(services));
    }

    private static async Task<TestApp> StartAsync(string name, string connectionString, Action<IHostApplicationBuilder> add)
    {
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?> { [$"ConnectionStrings:{name}"] = connectionString });
        builder.AddServiceDefaults();
        add(builder);
        return await TestApp.StartAsync(builder);
    }

    private static async Task<HealthReportEntry> CheckAsync(TestApp app, string name)
    {
        var report = await app.App.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(registration => registration.Name == name);
        return Assert.Single(report.Entries).Value;
    }

    private static async Task<HealthReportEntry> AssertCheckAsync(TestApp app, string name, HealthStatus expected)
    {
        var entry = await CheckAsync(app, name);
        Assert.True(expected == entry.Status, $"'{name}' is {entry.Status}: {entry.Description}");
        return entry;
    }

    private static string[] RegisteredCheckNames(IServiceProvider services) =>
        [.. services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name).Order(StringComparer.Ordinal)];
}
