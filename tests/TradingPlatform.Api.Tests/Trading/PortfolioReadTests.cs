using System.Net;
using System.Text.Json;
using TradingPlatform.Api.Tests.Market;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Trading;

/// <summary>
/// The account figures, the account list and the portfolio are read for all of a user's accounts at once (no query per
/// account): each account must still get its own positions, orders and snapshots, and never another user's.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class PortfolioReadTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_user_with_several_accounts_gets_each_accounts_own_figures_and_never_another_users()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync();
        var (_, other) = await factory.CreateUserWithClientAsync();
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
        await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);

        var trading = await client.CreateAccountAsync(50_000m);
        var resting = await client.CreateAccountAsync(20_000m);
        var idle = await client.CreateAccountAsync(10_000m);
        var foreign = await other.CreateAccountAsync(30_000m);
        using (var buy = await client.PlaceAsync(trading, new { symbol = "BTC-USD", type = "market", side = "buy", quantity = 0.5m, leverage = 2 }))
        {
            await buy.ReadDataAsync(HttpStatusCode.Created);
        }

        using (var limit = await client.PlaceAsync(resting, new { symbol = "ETH-USD", type = "limit", side = "buy", quantity = 1m, price = 2_500m }))
        {
            Assert.Equal("open", (await limit.ReadDataAsync(HttpStatusCode.Created)).GetProperty("status").GetString());
        }

        // The other user trades too: their position and order must not leak into this user's figures.
        using (var otherBuy = await other.PlaceAsync(foreign, new { symbol = "ETH-USD", type = "market", side = "buy", quantity = 2m }))
        {
            await otherBuy.ReadDataAsync(HttpStatusCode.Created);
        }

        using (var otherLimit = await other.PlaceAsync(foreign, new { symbol = "BTC-USD", type = "limit", side = "buy", quantity = 0.1m, price = 50_000m }))
        {
            await otherLimit.ReadDataAsync(HttpStatusCode.Created);
        }

        await factory.PublishAsync("BTC-USD", 61_000m, 61_010m);

        var list = (await client.GetDataAsync("/api/accounts")).EnumerateArray().ToDictionary(a => a.GetProperty("id").GetGuid());
        Assert.Equal(new[] { trading, resting, idle }.Order(), list.Keys.Order());
        Assert.DoesNotContain(foreign, list.Keys);
        Assert.Equal((1, 0), Counts(list[trading]));
        Assert.Equal((0, 1), Counts(list[resting]));
        Assert.Equal((0, 0), Counts(list[idle]));

        // The long position is marked at the new bid; cash is the deposit less the commission.
        var position = Assert.Single((await client.GetDataAsync($"/api/accounts/{trading}/positions")).EnumerateArray());
        var entry = position.GetProperty("entryPrice").GetDecimal();
        var balance = list[trading].GetProperty("balance").GetDecimal();
        Assert.True(balance < 50_000m);
        Assert.Equal(Math.Round(balance + (61_000m - entry) * 0.5m, 2), list[trading].GetProperty("equity").GetDecimal());
        Assert.True(list[resting].GetProperty("marginReserved").GetDecimal() > 0m);
        Assert.Equal(0m, list[idle].GetProperty("marginReserved").GetDecimal());

        foreach (var id in list.Keys)
        {
            var account = await client.GetDataAsync($"/api/accounts/{id}");
            var portfolio = await client.GetDataAsync($"/api/accounts/{id}/portfolio");
            Assert.Equal(id, portfolio.GetProperty("accountId").GetGuid());
            Assert.Equal(list[id].GetProperty("equity").GetDecimal(), account.GetProperty("equity").GetDecimal());
            Assert.Equal(account.GetProperty("equity").GetDecimal(), portfolio.GetProperty("totalValue").GetDecimal());
            Assert.Equal(account.GetProperty("balance").GetDecimal(), portfolio.GetProperty("balance").GetDecimal());
            Assert.Equal(account.GetProperty("marginUsed").GetDecimal(), portfolio.GetProperty("marginUsed").GetDecimal());
            Assert.Equal(account.GetProperty("marginAvailable").GetDecimal(), portfolio.GetProperty("availableBalance").GetDecimal());
            Assert.Equal(account.GetProperty("unrealizedPnl").GetDecimal(), portfolio.GetProperty("unrealizedPnL").GetDecimal());
            Assert.Equal(Counts(account), (portfolio.GetProperty("positions").GetInt32(), portfolio.GetProperty("openOrders").GetInt32()));
        }

        // Another user's account answers 404 on every read, as an unknown one does.
        foreach (var path in new[] { $"/api/accounts/{foreign}", $"/api/accounts/{foreign}/portfolio", $"/api/accounts/{foreign}/positions",
                     $"/api/accounts/{foreign}/ledger" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var theirs = Assert.Single((await other.GetDataAsync("/api/accounts")).EnumerateArray());
        Assert.Equal((1, 1), Counts(theirs));
    }

    [Fact]
    public async Task Performance_compares_with_the_last_snapshot_at_or_before_each_period_of_this_account_only()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync();
        var mine = await client.CreateAccountAsync(10_000m);
        var sibling = await client.CreateAccountAsync(10_000m);
        var now = TradingKit.MarketsOpen;
        // Two days ago 8,000 and nine days ago 12,500 (so the day and the week compare with different snapshots); a
        // later snapshot (an hour ago) is after the day's start and must be ignored; the sibling's snapshots are nearer
        // every period's start and must be ignored too; nothing before a month: the month and the year use the deposit.
        await SnapshotAsync(mine, now.AddDays(-2), 8_000m);
        await SnapshotAsync(mine, now.AddDays(-9), 12_500m);
        await SnapshotAsync(mine, now.AddHours(-1), 1_000m);
        await SnapshotAsync(sibling, now.AddDays(-1).AddMinutes(-1), 5_000m);
        await SnapshotAsync(sibling, now.AddDays(-7).AddMinutes(-1), 5_000m);
        await SnapshotAsync(sibling, now.AddYears(-1).AddMinutes(-1), 5_000m);

        var performance = (await client.GetDataAsync($"/api/accounts/{mine}/portfolio")).GetProperty("performance");
        Assert.Equal(Math.Round(10_000m / 8_000m - 1m, 6), performance.GetProperty("daily").GetDecimal());
        Assert.Equal(Math.Round(10_000m / 12_500m - 1m, 6), performance.GetProperty("weekly").GetDecimal());
        Assert.Equal(0m, performance.GetProperty("monthly").GetDecimal());
        Assert.Equal(0m, performance.GetProperty("yearly").GetDecimal());

        var siblings = (await client.GetDataAsync($"/api/accounts/{sibling}/portfolio")).GetProperty("performance");
        Assert.Equal(1m, siblings.GetProperty("daily").GetDecimal());
        Assert.Equal(1m, siblings.GetProperty("yearly").GetDecimal());
    }

    private static (int Positions, int Orders) Counts(JsonElement account) =>
        (account.GetProperty("openPositions").GetInt32(), account.GetProperty("openOrders").GetInt32());

    private Task SnapshotAsync(Guid accountId, DateTimeOffset at, decimal equity) =>
        MarketKit.ExecuteAsync(infrastructure,
            "INSERT INTO trading.equity_snapshots (\"AccountId\", \"At\", \"Equity\", \"Balance\") VALUES (@account, @at, @equity, @equity)",
            ("account", accountId), ("at", at), ("equity", equity));
}
