using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Consumers;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Messaging.DeadLetters;
using TradingPlatform.Messaging.Inbox;
using TradingPlatform.Testing;
using TradingPlatform.Worker.Analytics;

namespace TradingPlatform.Worker.Tests.Analytics;

/// <summary>
/// The Worker migrates its own analytics schema (the servers here have no trading schema: no Api ever ran on them) and
/// turns the fills of AccountChanged events into per-account, per-symbol, per-day statistics, once per message id.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class FillStatisticsTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Fills_add_up_per_account_symbol_and_day_and_a_redelivered_fill_has_no_second_effect()
    {
        await using var worker = new ServiceFactory<Program>(infrastructure.Configuration);
        await WaitUntilConsumingAsync(worker.Services);
        var accountId = Guid.NewGuid();
        var executedAt = new DateTimeOffset(2026, 11, 25, 14, 30, 0, TimeSpan.Zero);
        var first = Change(accountId, Fill(0.5m, 60_000m, 6m, 0m, executedAt));
        var second = Change(accountId, Fill(0.25m, 61_000m, 3.05m, 250m, executedAt.AddHours(1)));
        var nextDay = Change(accountId, Fill(1m, 62_000m, 12.4m, -10m, executedAt.AddDays(1)));

        // The first change arrives twice (a redelivery after a lost ack looks exactly like this), then the others.
        await PublishAsync(first, first, second, nextDay);

        // One account's messages are handled in order (its partition), so once the last one is in the inbox the
        // duplicate was handled too.
        await Poll.UntilAsync(() => InboxedAsync(worker.Services, nextDay.Id), found => found, Timeout, "the last fill in the inbox");
        var statistics = await StatisticsAsync(worker.Services, accountId);
        Assert.Equal(2, statistics.Count);
        var day = statistics.Single(s => s.Day == new DateOnly(2026, 11, 25));
        Assert.Equal(2, day.Fills);
        Assert.Equal(0.75m, day.Volume);
        Assert.Equal(0.5m * 60_000m + 0.25m * 61_000m, day.Notional);
        Assert.Equal(9.05m, day.Commission);
        Assert.Equal(250m, day.RealizedPnl);
        Assert.Equal("BTC-USD", day.Symbol);
        var next = statistics.Single(s => s.Day == new DateOnly(2026, 11, 26));
        Assert.Equal(1, next.Fills);
        Assert.Equal(-10m, next.RealizedPnl);
    }

    [Fact]
    public async Task The_fills_of_one_change_add_up_per_symbol_and_day_and_a_change_without_fills_counts_nothing()
    {
        await using var worker = new ServiceFactory<Program>(infrastructure.Configuration);
        await WaitUntilConsumingAsync(worker.Services);
        var accountId = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        // A resting order triggered with two partial fills and a second symbol's fill, all in one change.
        var change = Change(accountId,
            Fill(0.1m, 60_000m, 1m, 0m, at), Fill(0.2m, 60_100m, 2m, 5m, at), Fill(3m, 3_000m, 4m, -1m, at) with { Symbol = "ETH-USD" });
        var placedOnly = new AccountChangedIntegrationEvent(Guid.NewGuid(), accountId, [], [], [], null) { OccurredAt = at };

        await PublishAsync(change, placedOnly);

        await Poll.UntilAsync(() => InboxedAsync(worker.Services, placedOnly.Id), found => found, Timeout, "the last change in the inbox");
        var statistics = await StatisticsAsync(worker.Services, accountId);
        Assert.Equal(2, statistics.Count);
        var btc = statistics.Single(s => s.Symbol == "BTC-USD");
        Assert.Equal(2, btc.Fills);
        Assert.Equal(0.3m, btc.Volume);
        Assert.Equal(0.1m * 60_000m + 0.2m * 60_100m, btc.Notional);
        Assert.Equal(3m, btc.Commission);
        Assert.Equal(5m, btc.RealizedPnl);
        var eth = statistics.Single(s => s.Symbol == "ETH-USD");
        Assert.Equal(1, eth.Fills);
        Assert.Equal(9_000m, eth.Notional);
    }

    [Fact]
    public async Task The_worker_applies_its_own_analytics_migrations_at_start()
    {
        await using var worker = new ServiceFactory<Program>(infrastructure.Configuration);
        await WaitUntilConsumingAsync(worker.Services);
        await using var scope = worker.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_Analytics", StringComparison.Ordinal));
        Assert.Equal(0, await db.FillStatistics.CountAsync(s => s.AccountId == Guid.NewGuid()));
    }

    [Fact]
    public async Task Messages_of_an_unknown_type_or_with_an_unreadable_body_go_straight_to_the_dead_letter_queue()
    {
        await using var worker = new ServiceFactory<Program>(infrastructure.Configuration);
        await WaitUntilConsumingAsync(worker.Services);
        var unknown = Guid.NewGuid().ToString();
        var unreadable = Guid.NewGuid().ToString();

        await PublishRawAsync(unknown, "SomethingNobodyKnowsIntegrationEvent", AccountChangedIntegrationEvent.Key, "{}");
        await PublishRawAsync(unreadable, nameof(AccountChangedIntegrationEvent), AccountChangedIntegrationEvent.Key, "{ not json");

        var browser = worker.Services.GetRequiredService<DeadLetterBrowser>();
        var deadLetters = await Poll.UntilAsync(
            async () => (await browser.ListAsync(200, CancellationToken.None)).Single(q => q.Consumer == AnalyticsExtensions.ConsumerName).Messages
                .Where(m => m.Id == unknown || m.Id == unreadable).ToList(),
            messages => messages.Count == 2, Timeout, "both messages in the dead-letter queue");
        var first = deadLetters.Single(m => m.Id == unknown);
        Assert.Contains("Unknown message type", first.LastError, StringComparison.Ordinal);
        Assert.Equal(0, first.Attempts);
        Assert.Equal(AccountChangedIntegrationEvent.Key, first.RoutingKey);
        var second = deadLetters.Single(m => m.Id == unreadable);
        Assert.Contains("not a valid AccountChangedIntegrationEvent", second.LastError, StringComparison.Ordinal);
        Assert.Equal("{ not json", second.RawPayload);
    }

    private async Task PublishRawAsync(string messageId, string type, string routingKey, string body)
    {
        var factory = new ConnectionFactory { Uri = new Uri(infrastructure.Messaging) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var properties = new BasicProperties { MessageId = messageId, Type = type, DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync(new MessagingOptions().ExchangeName, routingKey, false, properties, Encoding.UTF8.GetBytes(body));
    }

    private static FillSnapshot Fill(decimal quantity, decimal price, decimal commission, decimal realizedPnl, DateTimeOffset at) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "BTC-USD", "buy", quantity, price, commission, realizedPnl, "taker", null, at);

    /// <summary>An account change with these fills (the orders and positions do not matter to the statistics).</summary>
    private static AccountChangedIntegrationEvent Change(Guid accountId, params FillSnapshot[] fills) =>
        new(Guid.NewGuid(), accountId, [], fills, [], null) { OccurredAt = fills[0].ExecutedAt };

    /// <summary>Publishes as the relay does (the Api is not part of this test): to the exchange, message id = event id.</summary>
    private async Task PublishAsync(params AccountChangedIntegrationEvent[] events)
    {
        var factory = new ConnectionFactory { Uri = new Uri(infrastructure.Messaging) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        foreach (var integrationEvent in events)
        {
            var properties = new BasicProperties
            {
                MessageId = integrationEvent.Id.ToString(),
                Type = integrationEvent.GetType().Name,
                DeliveryMode = DeliveryModes.Persistent,
                ContentType = "application/json",
            };
            await channel.BasicPublishAsync(new MessagingOptions().ExchangeName, integrationEvent.RoutingKey, false, properties,
                Encoding.UTF8.GetBytes(IntegrationEventSerializer.Serialize(integrationEvent)));
        }
    }

    internal static async Task WaitUntilConsumingAsync(IServiceProvider services)
    {
        var consumer = services.GetServices<IHostedService>().OfType<IntegrationEventConsumer<AnalyticsDbContext>>().Single();
        await consumer.Consuming.WaitAsync(Timeout);
    }

    private static async Task<bool> InboxedAsync(IServiceProvider services, Guid messageId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        return await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == AnalyticsExtensions.ConsumerName);
    }

    private static async Task<List<FillStatistics>> StatisticsAsync(IServiceProvider services, Guid accountId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        return await db.FillStatistics.AsNoTracking().Where(s => s.AccountId == accountId).ToListAsync();
    }
}
