using System.Net;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Trading;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class OrderFlowTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_market_buy_fills_at_the_ask_opens_a_position_and_the_ledger_reconciles()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync(50_000m);
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);

        using var placed = await client.PlaceAsync(accountId, new { symbol = "BTC-USD", type = "market", side = "buy", quantity = 0.5m, leverage = 2 });
        var order = await placed.ReadDataAsync(HttpStatusCode.Created);
        Assert.Equal("filled", order.GetProperty("status").GetString());
        var price = order.GetProperty("averagePrice").GetDecimal();
        Assert.InRange(price, 60_010m, 60_010m * 1.01m);

        var positions = await client.GetDataAsync($"/api/accounts/{accountId}/positions");
        var position = Assert.Single(positions.EnumerateArray());
        Assert.Equal("LONG", position.GetProperty("tradeType").GetString());
        Assert.Equal(0.5m, position.GetProperty("quantity").GetDecimal());
        Assert.Equal(price, position.GetProperty("entryPrice").GetDecimal());

        var commission = Math.Max(Math.Round(0.5m * price * 0.0002m, 2, MidpointRounding.ToEven), 0.01m);
        var account = await client.GetDataAsync($"/api/accounts/{accountId}");
        Assert.Equal(50_000m - commission, account.GetProperty("balance").GetDecimal());
        Assert.Equal(Math.Round(0.5m * price / 2, 2), account.GetProperty("marginUsed").GetDecimal());

        var reconcile = await client.GetDataAsync($"/api/accounts/{accountId}/ledger/reconcile");
        Assert.True(reconcile.GetProperty("balanced").GetBoolean());
        Assert.True(reconcile.GetProperty("transactionsBalanced").GetBoolean());
        Assert.Equal(50_000m - commission, reconcile.GetProperty("ledgerBalance").GetDecimal());
    }

    [Fact]
    public async Task A_resting_limit_fills_when_a_tick_reaches_it_and_a_take_profit_closes_the_position()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync();
        await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);

        using var placed = await client.PlaceAsync(accountId,
            new { symbol = "ETH-USD", type = "limit", side = "buy", quantity = 1m, price = 2_990m, takeProfit = 3_100m, clientOrderId = "tp-1" });
        var order = await placed.ReadDataAsync(HttpStatusCode.Created);
        Assert.Equal("open", order.GetProperty("status").GetString());

        await factory.PublishAsync("ETH-USD", 2_985m, 2_988m);
        var filled = await client.GetDataAsync($"/api/accounts/{accountId}/orders/{order.GetProperty("id").GetGuid()}");
        Assert.Equal("filled", filled.GetProperty("status").GetString());
        Assert.Equal(2_988m, filled.GetProperty("averagePrice").GetDecimal());

        await factory.PublishAsync("ETH-USD", 3_105m, 3_106m);
        var closed = await client.GetDataAsync($"/api/accounts/{accountId}/positions?status=closed");
        var position = Assert.Single(closed.EnumerateArray());
        Assert.Equal("take_profit", position.GetProperty("closeReason").GetString());
        Assert.Equal(3_105m, position.GetProperty("closePrice").GetDecimal());
        Assert.Equal(3_105m - 2_988m, position.GetProperty("realizedPnl").GetDecimal());
    }
}
