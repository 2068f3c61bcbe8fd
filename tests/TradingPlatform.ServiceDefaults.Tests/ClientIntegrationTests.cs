using Microsoft.EntityFrameworkCore;
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

/// <summary>The client integrations against real servers, and against closed ports and wrong passwords.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ClientIntegrationTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Npgsql_db_context_queries_the_database_and_its_check_is_healthy()
    {
        await using var app = await StartAsync("tradingdb", infrastructure.TradingDb, b => b.AddNpgsqlDbContext<ProbeDbContext>("tradingdb"));
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
        await using var app = await StartAsync("tradingdb", wrongPassword, b => b.AddNpgsqlDbContext<ProbeDbContext>("tradingdb"));

        var entry = await AssertCheckAsync(app, "tradingdb", HealthStatus.Unhealthy);

        Assert.Contains("password authentication failed", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_client_round_trips_and_its_check_is_healthy()
    {
        await using var app = await StartAsync("cache", infrastructure.Cache, b => b.AddRedisClient("cache"));
        var database = app.App.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

        var key = $"test:{Guid.NewGuid():N}";
        Assert.True(await database.StringSetAsync(key, "value", TimeSpan.FromMinutes(1)));
        Assert.Equal("value", (string?)await database.StringGetAsync(key));
        await AssertCheckAsync(app, "cache", HealthStatus.Healthy);
    }

    [Fact]
    public async Task Redis_that_is_down_neither_fails_startup_nor_hangs_the_check()
    {
        await using var app = await StartAsync("cache", ClosedPort.ConnectionStringFor("cache"), b => b.AddRedisClient("cache"));

        // The first connection attempt against a dead server lasts up to 10 s; the check must not wait for it.
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var entry = await AssertCheckAsync(app, "cache", HealthStatus.Unhealthy);
        Assert.True(stopwatch.Elapsed < DependencyHealthChecks.Timeout, $"The check took {stopwatch.Elapsed}.");
        Assert.Contains("refused", entry.Description, StringComparison.OrdinalIgnoreCase);

        // AbortOnConnectFail=false: the multiplexer exists, disconnected, and keeps trying in the background.
        Assert.False(app.App.Services.GetRequiredService<IConnectionMultiplexer>().IsConnected);
        entry = await AssertCheckAsync(app, "cache", HealthStatus.Unhealthy);
        Assert.Contains("Not connected", entry.Description, StringComparison.Ordinal);
        Assert.Contains("refused", entry.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Redis_check_reports_a_failing_handshake()
    {
        var wrongPassword = ConfigurationOptions.Parse(infrastructure.Cache);
        wrongPassword.Password = "wrong";
        await using var app = await StartAsync("cache", wrongPassword.ToString(includePassword: true), b => b.AddRedisClient("cache"));

        var entry = await AssertCheckAsync(app, "cache", HealthStatus.Unhealthy);

        Assert.Contains("handshake", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RabbitMQ_connection_is_open_and_recovering_and_its_check_is_healthy()
    {
        await using var app = await StartAsync("messaging", infrastructure.Messaging, b => b.AddRabbitMQClient("messaging"));

        var factory = Assert.IsType<ConnectionFactory>(app.App.Services.GetRequiredService<IConnectionFactory>());
        Assert.True(factory.AutomaticRecoveryEnabled);
        var connection = app.App.Services.GetRequiredService<IConnection>();
        Assert.True(connection.IsOpen);
        await using (var channel = await connection.CreateChannelAsync())
        {
            var queue = await channel.QueueDeclareAsync(exclusive: true);
            Assert.StartsWith("amq.gen-", queue.QueueName, StringComparison.Ordinal);
        }

        await AssertCheckAsync(app, "messaging", HealthStatus.Healthy);
    }

    [Fact]
    public async Task RabbitMQ_that_is_down_at_start_makes_the_check_unhealthy_instead_of_crashing()
    {
        await using var app = await StartAsync("messaging", ClosedPort.ConnectionStringFor("messaging"), b => b.AddRabbitMQClient("messaging"));

        var entry = await AssertCheckAsync(app, "messaging", HealthStatus.Unhealthy);
        Assert.Contains("refused", entry.Description, StringComparison.OrdinalIgnoreCase);

        // Consumers that need the connection itself get the broker's error, and the app keeps running.
        Assert.Throws<BrokerUnreachableException>(() => app.App.Services.GetRequiredService<IConnection>());
        Assert.False(app.Lifetime.ApplicationStopping.IsCancellationRequested);
    }

    [Fact]
    public async Task RabbitMQ_check_reports_a_wrong_password()
    {
        var wrongPassword = new UriBuilder(infrastructure.Messaging) { Password = "wrong" }.Uri.ToString();
        await using var app = await StartAsync("messaging", wrongPassword, b => b.AddRabbitMQClient("messaging"));

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
        builder.AddNpgsqlDbContext<ProbeDbContext>("tradingdb");
        builder.AddRedisClient("cache");
        builder.AddRabbitMQClient("messaging");
        using var services = builder.Services.BuildServiceProvider();

        var registration = Assert.Single(
            services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations,
            r => r.Name == name);

        Assert.Equal(["ready"], registration.Tags);
        Assert.Equal(DependencyHealthChecks.Timeout, registration.Timeout);
        Assert.True(registration.Timeout <= TimeSpan.FromSeconds(10));
    }

    private static async Task<TestApp> StartAsync(string name, string connectionString, Action<IHostApplicationBuilder> add)
    {
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?> { [$"ConnectionStrings:{name}"] = connectionString });
        builder.AddServiceDefaults();
        add(builder);
        return await TestApp.StartAsync(builder);
    }

    private static async Task<HealthReportEntry> AssertCheckAsync(TestApp app, string name, HealthStatus expected)
    {
        var report = await app.App.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(registration => registration.Name == name);

        var entry = Assert.Single(report.Entries).Value;
        Assert.True(expected == entry.Status, $"'{name}' is {entry.Status}: {entry.Description}");
        return entry;
    }
}
