using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Tests.Realtime;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Tests.Backtests;

/// <summary>
/// The <c>backtests</c> user channel over the whole path the Worker's events take: rows written to the trading outbox
/// by another process (a plain TradingDbContext, as the Worker's, so nothing wakes the relay but its poll), relayed to
/// RabbitMQ by the Api, consumed, and fanned out to the owner's sockets only.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class BacktestRealtimeTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_owner_subscribed_to_backtests_gets_progress_and_completion_and_another_user_gets_neither()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var owner = await factory.CreateUserAsync();
        var other = await factory.CreateUserAsync();
        await using var mine = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(owner));
        await using var theirs = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(other));
        await mine.SubscribeAsync("backtests");
        await theirs.SubscribeAsync("backtests");
        var (backtestId, sentinelId) = (Guid.NewGuid(), Guid.NewGuid());
        var at = DateTimeOffset.UtcNow;

        await WriteAsWorkerAsync(
            new BacktestProgressedIntegrationEvent(backtestId, owner.Id, 0.5, 500, 1000, at.AddDays(-3)) { OccurredAt = at },
            new BacktestCompletedIntegrationEvent(backtestId, owner.Id, "completed", 0.0123, 1.5, 0.04, 101_230.45m, 7, null, at)
            {
                Id = BacktestCompletedIntegrationEvent.IdFor(backtestId, "completed"), OccurredAt = at,
            },
            // The other user's own event, written last: once it reaches them, a leak of the owner's would have too.
            new BacktestCompletedIntegrationEvent(sentinelId, other.Id, "failed", null, null, null, null, 0, "The instrument X no longer exists.", at)
            {
                Id = BacktestCompletedIntegrationEvent.IdFor(sentinelId, "failed"), OccurredAt = at,
            });

        var progress = await mine.WaitForAsync("backtest_progress", timeout: Timeout);
        Assert.Equal("backtests", progress.GetProperty("channel").GetString());
        var progressData = progress.GetProperty("data");
        Assert.Equal(backtestId, progressData.GetProperty("backtestId").GetGuid());
        Assert.Equal(0.5, progressData.GetProperty("progress").GetDouble());
        Assert.Equal(500, progressData.GetProperty("barsDone").GetInt64());
        Assert.Equal(1000, progressData.GetProperty("totalBars").GetInt64());

        var completed = await mine.WaitForAsync("backtest_completed", timeout: Timeout);
        Assert.Equal("backtests", completed.GetProperty("channel").GetString());
        Assert.True(completed.GetProperty("seq").GetInt64() > progress.GetProperty("seq").GetInt64());
        var data = completed.GetProperty("data");
        Assert.Equal(backtestId, data.GetProperty("backtestId").GetGuid());
        Assert.Equal("completed", data.GetProperty("status").GetString());
        Assert.Equal(101_230.45m, data.GetProperty("finalEquity").GetDecimal());
        Assert.Equal(7, data.GetProperty("tradeCount").GetInt32());
        Assert.Equal(0.0123, data.GetProperty("totalReturn").GetDouble());

        var own = await theirs.WaitForAsync("backtest_completed", timeout: Timeout);
        Assert.Equal(sentinelId, own.GetProperty("data").GetProperty("backtestId").GetGuid());
        Assert.Equal("failed", own.GetProperty("data").GetProperty("status").GetString());
        Assert.DoesNotContain(theirs.Seen, m => m.GetRawText().Contains(backtestId.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(theirs.Seen, m => m.GetProperty("type").GetString() == "backtest_progress");
        Assert.DoesNotContain(mine.Seen, m => m.GetRawText().Contains(sentinelId.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Commits the events to trading.outbox_messages the way the Worker's job does, outside the Api.</summary>
    private async Task WriteAsWorkerAsync(params TradingPlatform.Messaging.IntegrationEvent[] events)
    {
        await using var db = new TradingDbContext(new DbContextOptionsBuilder<TradingDbContext>()
            .UseNpgsql(infrastructure.TradingDb, TradingDbContext.ConfigureNpgsql).Options);
        var outbox = new Outbox<TradingDbContext>(db);
        foreach (var integrationEvent in events)
        {
            outbox.Add(integrationEvent);
        }

        await db.SaveChangesAsync();
    }
}
