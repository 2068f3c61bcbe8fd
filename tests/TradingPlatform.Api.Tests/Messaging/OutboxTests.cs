using System.Net;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>Each trading change writes its one integration event with the change, and a consumer receives them in order.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class OutboxTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_filled_market_order_writes_exactly_one_event_carrying_the_order_the_fill_the_position_and_the_balance()
    {
        await using var consumer = await TestConsumerHost.StartAsync(infrastructure.Configuration);
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (user, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync(50_000m);
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
        var before = await OutboxRows.ForAccountAsync(factory, accountId);

        using var placed = await client.PlaceAsync(accountId, new { symbol = "BTC-USD", type = "market", side = "buy", quantity = 0.5m, leverage = 2 });
        var order = await placed.ReadDataAsync(HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();

        // Committed with the change: there as soon as the request returns, and one row for the whole change.
        var rows = await OutboxRows.ForAccountAsync(factory, accountId);
        var row = Assert.Single(rows.Except(before));
        Assert.Equal(nameof(AccountChangedIntegrationEvent), row.Type);

        var received = await consumer.WaitForAsync(e => e.Id == row.Id, events => events.Count == 1, "the change's event");
        var change = Assert.IsType<AccountChangedIntegrationEvent>(Assert.Single(received));
        Assert.Equal(user.Id, change.UserId);
        Assert.Equal(accountId, change.AccountId);
        var snapshot = Assert.Single(change.Orders);
        Assert.Equal(orderId, snapshot.Id);
        Assert.Equal("filled", snapshot.Status);
        Assert.Equal(0.5m, snapshot.FilledQuantity);
        var fill = Assert.Single(change.Fills);
        Assert.Equal(orderId, fill.OrderId);
        Assert.Equal("buy", fill.Side);
        Assert.Equal(0.5m, fill.Quantity);
        Assert.Equal(order.GetProperty("averagePrice").GetDecimal(), fill.Price);
        var opened = Assert.Single(change.Positions);
        Assert.Equal("OPENED", opened.Action);
        Assert.Equal("LONG", opened.Position.Side);
        Assert.Equal(fill.PositionId, opened.Position.Id);
        Assert.NotNull(opened.Position.CurrentPrice);
        var balance = Assert.IsType<AccountBalanceSnapshot>(change.Balance);
        Assert.Equal(["commission"], balance.Reasons);
        var account = await client.GetDataAsync($"/api/accounts/{accountId}");
        Assert.Equal(account.GetProperty("balance").GetDecimal(), balance.Balance);
        Assert.Equal(account.GetProperty("marginUsed").GetDecimal(), balance.UsedMargin);
    }

    [Fact]
    public async Task Closing_a_position_writes_a_closed_position_with_its_realized_pnl_and_the_closing_fill()
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
        var changes = received.Cast<AccountChangedIntegrationEvent>().Where(c => c.Positions.Count > 0).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal("OPENED", Assert.Single(changes[0].Positions).Action);
        var close = Assert.Single(changes[1].Positions);
        Assert.Equal("CLOSED", close.Action);
        Assert.Equal("closed", close.Position.Status);
        Assert.InRange(close.Position.RealizedPnl, 1m, 2m * (3_100m - 3_001m));
        var closingFill = Assert.Single(changes[1].Fills);
        Assert.Equal("sell", closingFill.Side);
        Assert.Equal(close.Position.RealizedPnl, closingFill.RealizedPnl);
        Assert.Equal(["trade_pnl", "commission"], changes[1].Balance!.Reasons);
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
        Assert.Equal(10, received.Cast<AccountChangedIntegrationEvent>().SelectMany(e => e.Orders).Where(o => o.Status == "filled").Select(o => o.Id).Distinct().Count());
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

        var received = await consumer.WaitForAsync(e => e is AccountChangedIntegrationEvent { Fills.Count: > 0 } c && c.AccountId == accountId,
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
