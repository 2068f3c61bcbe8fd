extern alias worker;

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Messaging.Consumers;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;
using AnalyticsDbContext = worker::TradingPlatform.Worker.Analytics.AnalyticsDbContext;
using WorkerProgram = worker::Program;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>
/// The broker crashes while orders are placed: trading goes on, the outbox keeps every event, and once the broker is
/// back every event reaches the Worker and is applied exactly once. This test kills its own servers' broker, so it
/// starts its own set rather than sharing the collection's.
/// </summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private static readonly (string, string?) ShortBackoff = ("MessagingOptions:MaxRetryDelay", "00:00:01");
    private readonly InfrastructureFixture _servers = new();

    public Task InitializeAsync() => _servers.InitializeAsync();

    public Task DisposeAsync() => _servers.DisposeAsync();

    [Fact]
    public async Task Orders_placed_while_the_broker_is_down_reach_the_worker_exactly_once_after_it_restarts()
    {
        await using var api = await TradingKit.StartTradingAsync(_servers, ShortBackoff);
        await using var analytics = new ServiceFactory<WorkerProgram>(
            new Dictionary<string, string?>(_servers.Configuration) { [ShortBackoff.Item1] = ShortBackoff.Item2 });
        var consumer = analytics.Services.GetServices<IHostedService>().OfType<IntegrationEventConsumer<AnalyticsDbContext>>().Single();
        await consumer.Consuming.WaitAsync(Timeout);
        var (_, client) = await api.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync(1_000_000m);
        await api.PublishAsync("ETH-USD", 3_000m, 3_001m);

        await PlaceAsync(client, accountId, "buy", 2m);
        await ServerProcess.KillAsync(_servers.Application, "messaging");
        // Trading does not need the broker: these commit, and their events wait in the outbox.
        await PlaceAsync(client, accountId, "buy", 1m);
        await PlaceAsync(client, accountId, "sell", 1.5m);
        await PlaceAsync(client, accountId, "buy", 0.5m);
        // Events written while the broker is down wait in the outbox, and the admin endpoint says so.
        var (_, admin) = await api.CreateUserWithClientAsync("admin");
        var outbox = await admin.GetDataAsync("/api/admin/messaging/outbox");
        Assert.True(outbox.GetProperty("pending").GetInt64() > 0, outbox.ToString());
        Assert.Equal(System.Text.Json.JsonValueKind.String, outbox.GetProperty("oldestPendingAt").ValueKind);
        await ServerProcess.WaitUntilRestartedAsync(_servers.Application, "messaging");
        await PlaceAsync(client, accountId, "sell", 2m);

        var fills = await FillsAsync(api, accountId);
        Assert.Equal(5, fills.Count);
        var statistics = await Poll.UntilAsync(() => StatisticsAsync(analytics, accountId), s => s.Fills >= fills.Count, Timeout,
            "the Worker's statistics to count every fill");
        Assert.Equal(fills.Count, statistics.Fills);
        Assert.Equal(fills.Sum(f => f.Quantity), statistics.Volume);
        Assert.Equal(fills.Sum(f => f.Quantity * f.Price), statistics.Notional);
        Assert.Equal(fills.Sum(f => f.Commission), statistics.Commission);
        Assert.Equal(fills.Sum(f => f.RealizedPnl), statistics.RealizedPnl);
        // The relay marks the last batch sent once the broker confirms it, which may be just after the Worker counted it.
        Assert.Equal(0, await Poll.UntilAsync(() => PendingAsync(api), p => p == 0, Timeout, "the outbox to have sent every event"));
    }

    private static async Task PlaceAsync(HttpClient client, Guid accountId, string side, decimal quantity)
    {
        using var response = await client.PlaceAsync(accountId, new { symbol = "ETH-USD", type = "market", side, quantity });
        var order = await response.ReadDataAsync(HttpStatusCode.Created);
        Assert.Equal("filled", order.GetProperty("status").GetString());
    }

    private static async Task<long> PendingAsync(ApiFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<OutboxStatusReader<TradingDbContext>>().ReadAsync(CancellationToken.None)).Pending;
    }

    private static async Task<List<TradingPlatform.Trading.Execution.Fill>> FillsAsync(ApiFactory api, Guid accountId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        var account = new TradingPlatform.Trading.Accounts.AccountId(accountId);
        return await db.Fills.AsNoTracking().Where(f => f.AccountId == account).ToListAsync();
    }

    private static async Task<(int Fills, decimal Volume, decimal Notional, decimal Commission, decimal RealizedPnl)> StatisticsAsync(
        ServiceFactory<WorkerProgram> analytics, Guid accountId)
    {
        await using var scope = analytics.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().FillStatistics.AsNoTracking()
            .Where(s => s.AccountId == accountId).ToListAsync();
        return (rows.Sum(r => r.Fills), rows.Sum(r => r.Volume), rows.Sum(r => r.Notional), rows.Sum(r => r.Commission), rows.Sum(r => r.RealizedPnl));
    }
}
