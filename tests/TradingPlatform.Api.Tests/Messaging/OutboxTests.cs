using System.Net;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>Trading changes write their integration events with the change, and a consumer receives them in order.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class OutboxTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Placing_and_filling_an_order_writes_its_events_with_the_change_and_a_consumer_receives_them_in_order()
    {
        await using var consumer = await TestConsumerHost.StartAsync(infrastructure.Configuration);
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (user, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync(50_000m);
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);

        using var placed = await client.PlaceAsync(accountId, new { symbol = "BTC-USD", type = "market", side = "buy", quantity = 0.5m, leverage = 2 });
        var order = await placed.ReadDataAsync(HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();

        // Committed with the change: there as soon as the request returns.
        var rows = await OutboxRows.ForAccountAsync(factory, accountId);
        var types = rows.Select(row => row.Type).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            nameof(OrderUpdatedIntegrationEvent), nameof(OrderFilledIntegrationEvent),
            nameof(PositionChangedIntegrationEvent), nameof(BalanceChangedIntegrationEvent),
        }, types);

        var received = await consumer.WaitForAsync(e => OutboxRows.AccountOf(e) == accountId, events => events.Count >= rows.Count, "the account's events");
        Assert.Equal(rows.Select(row => row.Id), received.Select(e => e.Id));

        var fill = Assert.Single(received.OfType<OrderFilledIntegrationEvent>());
        Assert.Equal(user.Id, fill.UserId);
        Assert.Equal(orderId, fill.OrderId);
        Assert.Equal("buy", fill.Side);
        Assert.Equal(0.5m, fill.Quantity);
        Assert.Equal(order.GetProperty("averagePrice").GetDecimal(), fill.Price);
        var opened = Assert.Single(received.OfType<PositionChangedIntegrationEvent>());
        Assert.Equal("OPENED", opened.Action);
        Assert.Equal("LONG", opened.Position.Side);
        Assert.Equal(fill.PositionId, opened.Position.Id);
        Assert.NotNull(opened.Position.CurrentPrice);
        Assert.Equal("filled", received.OfType<OrderUpdatedIntegrationEvent>().Last().Order.Status);
        var balance = received.OfType<BalanceChangedIntegrationEvent>().Last();
        var account = await client.GetDataAsync($"/api/accounts/{accountId}");
        Assert.Equal(account.GetProperty("balance").GetDecimal(), balance.Balance);
        Assert.Equal(account.GetProperty("marginUsed").GetDecimal(), balance.UsedMargin);
        Assert.Equal(user.Id, balance.UserId);
    }

    [Fact]
    public async Task Closing_a_position_writes_a_closed_position_event_with_its_realized_pnl()
    {
        await using var consumer = await TestConsumerHost.StartAsync(infrastructure.Configuration);
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync(50_000m);
        await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);
        using (var opened = await client.PlaceAsync(accountId, new { symbol = "ETH-USD", type = "market", side = "buy", quantity = 2m }))
        {
            await opened.ReadDataAsync(HttpStatusCode.Created);
        }

        await factory.PublishAsync("ETH-USD", 3_100m, 3_101m);
        using (var closed = await client.PlaceAsync(accountId, new { symbol = "ETH-USD", type = "market", side = "sell", quantity = 2m }))
        {
            await closed.ReadDataAsync(HttpStatusCode.Created);
        }

        var rows = await OutboxRows.ForAccountAsync(factory, accountId);
        var received = await consumer.WaitForAsync(e => OutboxRows.AccountOf(e) == accountId, events => events.Count >= rows.Count, "the account's events");
        Assert.Equal(rows.Select(row => row.Id), received.Select(e => e.Id));
        var positions = received.OfType<PositionChangedIntegrationEvent>().ToList();
        Assert.Equal("OPENED", positions[0].Action);
        var close = positions[^1];
        Assert.Equal("CLOSED", close.Action);
        Assert.Equal("closed", close.Position.Status);
        Assert.InRange(close.Position.RealizedPnl, 1m, 2m * (3_100m - 3_001m));
        var closingFill = received.OfType<OrderFilledIntegrationEvent>().Last();
        Assert.Equal("sell", closingFill.Side);
        Assert.Equal(close.Position.RealizedPnl, closingFill.RealizedPnl);
    }

    [Fact]
    public async Task Two_relays_publish_one_accounts_events_in_order()
    {
        await using var consumer = await TestConsumerHost.StartAsync(infrastructure.Configuration);
        // Two Api replicas on one database: both relays run, the one that takes the lock publishes.
        await using var first = await TradingKit.StartTradingAsync(infrastructure);
        await using var second = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await first.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync(1_000_000m);
        await first.PublishAsync("ETH-USD", 3_000m, 3_001m);

        for (var i = 0; i < 10; i++)
        {
            using var placed = await client.PlaceAsync(accountId, new { symbol = "ETH-USD", type = "market", side = i % 2 == 0 ? "buy" : "sell", quantity = 1m + i });
            await placed.ReadDataAsync(HttpStatusCode.Created);
        }

        var rows = await OutboxRows.ForAccountAsync(first, accountId);
        var received = await consumer.WaitForAsync(e => OutboxRows.AccountOf(e) == accountId, events => events.Count >= rows.Count, "the account's events");
        Assert.Equal(rows.Select(row => row.Id), received.Select(e => e.Id));
        Assert.Equal(10, received.OfType<OrderUpdatedIntegrationEvent>().Where(e => e.Order.Status == "filled").Select(e => e.Order.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_commit_wakes_the_relay_without_waiting_for_its_poll()
    {
        await using var consumer = await TestConsumerHost.StartAsync(infrastructure.Configuration);
        // Polling alone would take ten minutes; only the commit's signal can publish within the wait below.
        await using var factory = await TradingKit.StartTradingAsync(infrastructure, ("MessagingOptions:PollInterval", "00:10:00"));
        var (_, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync(50_000m);
        await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);

        using var placed = await client.PlaceAsync(accountId, new { symbol = "ETH-USD", type = "market", side = "buy", quantity = 1m });
        await placed.ReadDataAsync(HttpStatusCode.Created);

        var received = await consumer.WaitForAsync(e => OutboxRows.AccountOf(e) == accountId && e is OrderFilledIntegrationEvent,
            events => events.Count == 1, "the fill");
        Assert.Single(received);
    }

    [Fact]
    public async Task A_rejected_order_writes_no_events()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync(1_000m);
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
        var before = await OutboxRows.ForAccountAsync(factory, accountId);

        using var rejected = await client.PlaceAsync(accountId, new { symbol = "BTC-USD", type = "market", side = "buy", quantity = 10m });
        await ApiJson.AssertErrorEnvelopeAsync(rejected, HttpStatusCode.UnprocessableEntity, "INSUFFICIENT_BALANCE_ERROR");

        Assert.Equal(before, await OutboxRows.ForAccountAsync(factory, accountId));
    }

    [Fact]
    public async Task A_recorded_signal_writes_a_signal_generated_event()
    {
        await using var consumer = await TestConsumerHost.StartAsync(infrastructure.Configuration);
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, admin) = await factory.CreateUserWithClientAsync("admin");

        using var response = await admin.PostJsonAsync("/api/signals", new { symbol = "ETH-USD", score = -0.4m, side = "sell", pattern = "breakdown" });
        var signalId = Guid.Parse((await response.ReadDataAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!);

        var received = await consumer.WaitForAsync(e => e is SignalGeneratedIntegrationEvent s && s.SignalId == signalId, events => events.Count > 0, "the signal");
        var signal = Assert.IsType<SignalGeneratedIntegrationEvent>(Assert.Single(received));
        Assert.Equal("ETH-USD", signal.Symbol);
        Assert.Equal("sell", signal.Signal);
        Assert.Equal(0.4m, signal.Confidence);
        Assert.Equal("breakdown", signal.Reasoning);
    }
}
