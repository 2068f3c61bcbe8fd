using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Mcp;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Mcp;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class McpToolsTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_key_lists_exactly_the_tools_of_its_scopes()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        {
            var (readKey, _) = await client.CreateApiKeyAsync(["read"]);
            await using (var mcp = await factory.ConnectAsync(readKey))
            {
                Assert.Equal(McpKit.ReadTools.Order(StringComparer.Ordinal), await mcp.ToolNamesAsync());
            }

            var (tradeKey, _) = await client.CreateApiKeyAsync(["read", "trade"]);
            await using (var mcp = await factory.ConnectAsync(tradeKey))
            {
                Assert.Equal([.. McpKit.ReadTools.Append("cancel_order").Append("place_order").Order(StringComparer.Ordinal)], await mcp.ToolNamesAsync());
            }

            var (everything, _) = await client.CreateApiKeyAsync(["read", "trade", "backtest"]);
            await using (var mcp = await factory.ConnectAsync(everything))
            {
                Assert.Equal([.. McpKit.ReadTools.Concat(McpKit.ActingTools).Order(StringComparer.Ordinal)], await mcp.ToolNamesAsync());
                var me = await mcp.CallAsync("whoami");
                Assert.Equal("api_key", me.GetProperty("authenticatedWith").GetString());
                Assert.Equal(["read", "trade", "backtest"], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
            }
        }
    }

    [Fact]
    public async Task With_an_access_token_a_viewer_gets_the_read_tools_and_a_trader_the_acting_ones_too()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure);
        var viewer = await factory.CreateUserAsync(Roles.Viewer);
        await using (var mcp = await factory.ConnectAsync(await factory.MintTokenAsync(viewer)))
        {
            Assert.Equal(McpKit.ReadTools.Order(StringComparer.Ordinal), await mcp.ToolNamesAsync());
            await AssertRefusedAsync(mcp, "place_order", new() { ["symbol"] = "BTC-USD", ["side"] = "buy", ["quantity"] = 1m });
        }

        var trader = await factory.CreateUserAsync(Roles.Trader);
        await using (var mcp = await factory.ConnectAsync(await factory.MintTokenAsync(trader)))
        {
            Assert.Equal([.. McpKit.ReadTools.Concat(McpKit.ActingTools).Order(StringComparer.Ordinal)], await mcp.ToolNamesAsync());
        }
    }

    [Fact]
    public async Task A_trade_key_stops_trading_when_its_user_becomes_a_viewer()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure);
        var (user, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        {
            var (key, _) = await client.CreateApiKeyAsync(["read", "trade"]);
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
                (await db.Users.SingleAsync(u => u.Id == new UserId(user.Id))).Role = Roles.Viewer;
                await db.SaveChangesAsync();
            }

            await using var mcp = await factory.ConnectAsync(key);
            Assert.Equal(McpKit.ReadTools.Order(StringComparer.Ordinal), await mcp.ToolNamesAsync());
        }
    }

    [Fact]
    public async Task Holdings_are_the_callers_own_accounts_and_positions_and_another_users_account_is_not_found()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, alice) = await factory.CreateUserWithClientAsync(Roles.Trader);
        var (_, bob) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (alice)
        using (bob)
        {
            var aliceAccount = await alice.CreateAccountAsync(50_000m);
            var bobAccount = await bob.CreateAccountAsync(70_000m);
            await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
            using (var placed = await alice.PlaceAsync(aliceAccount, new { symbol = "BTC-USD", type = "market", side = "buy", quantity = 0.1m }))
            {
                await placed.ReadDataAsync(HttpStatusCode.Created);
            }

            var (aliceKey, _) = await alice.CreateApiKeyAsync(["read"]);
            var (bobKey, _) = await bob.CreateApiKeyAsync(["read"]);

            await using (var mcp = await factory.ConnectAsync(aliceKey))
            {
                var holdings = await mcp.CallAsync("get_holdings");
                var holding = Assert.Single(holdings.EnumerateArray());
                Assert.Equal(aliceAccount, holding.GetProperty("account").GetProperty("id").GetGuid());
                var position = Assert.Single(holding.GetProperty("openPositions").EnumerateArray());
                Assert.Equal("BTC-USD", position.GetProperty("symbol").GetString());
                Assert.Equal(0.1m, position.GetProperty("quantity").GetDecimal());

                var error = await mcp.CallFailingAsync("list_orders", new() { ["accountId"] = bobAccount.ToString() });
                Assert.Contains("NOT_FOUND_ERROR", error, StringComparison.Ordinal);
                error = await mcp.CallFailingAsync("get_positions", new() { ["accountId"] = bobAccount.ToString() });
                Assert.Contains("NOT_FOUND_ERROR", error, StringComparison.Ordinal);

                var orders = await mcp.CallAsync("list_orders", new() { ["accountId"] = aliceAccount.ToString() });
                Assert.Equal("filled", Assert.Single(orders.EnumerateArray()).GetProperty("status").GetString());
            }

            await using (var mcp = await factory.ConnectAsync(bobKey))
            {
                var holdings = await mcp.CallAsync("get_holdings");
                var holding = Assert.Single(holdings.EnumerateArray());
                Assert.Equal(bobAccount, holding.GetProperty("account").GetProperty("id").GetGuid());
                Assert.Empty(holding.GetProperty("openPositions").EnumerateArray());
            }
        }
    }

    [Fact]
    public async Task A_read_key_cannot_place_an_order()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        {
            var account = await client.CreateAccountAsync();
            await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
            var (key, _) = await client.CreateApiKeyAsync(["read"]);
            await using (var mcp = await factory.ConnectAsync(key))
            {
                await AssertRefusedAsync(mcp, "place_order",
                    new() { ["accountId"] = account.ToString(), ["symbol"] = "BTC-USD", ["side"] = "buy", ["quantity"] = 0.1m });
            }

            Assert.Equal(0, await OrderCountAsync(client, account));
        }
    }

    [Fact]
    public async Task A_trade_key_places_an_order_that_the_rest_api_shows_with_an_audit_entry_and_a_retry_places_no_second()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (user, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        {
            var account = await client.CreateAccountAsync(50_000m);
            await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);
            var (key, keyId) = await client.CreateApiKeyAsync(["read", "trade"], name: "trading agent");
            await using var mcp = await factory.ConnectAsync(key);
            Dictionary<string, object?> order = new()
            {
                ["accountId"] = account.ToString(), ["symbol"] = "ETH-USD", ["side"] = "buy", ["type"] = "market", ["quantity"] = 2m,
                ["clientOrderId"] = "agent-1",
            };

            var placed = await mcp.CallAsync("place_order", order);
            Assert.True(placed.GetProperty("created").GetBoolean());
            var orderId = placed.GetProperty("order").GetProperty("id").GetGuid();
            Assert.Equal("filled", placed.GetProperty("order").GetProperty("status").GetString());
            var summary = placed.GetProperty("summary").GetString()!;
            Assert.Contains(orderId.ToString(), summary, StringComparison.Ordinal);
            var average = placed.GetProperty("order").GetProperty("averagePrice").GetDecimal();
            Assert.InRange(average, 3_001m, 3_001m * 1.01m);
            Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"filled 2 at an average {average}"), summary, StringComparison.Ordinal);

            var shown = await client.GetDataAsync($"/api/accounts/{account}/orders/{orderId}");
            Assert.Equal("filled", shown.GetProperty("status").GetString());
            Assert.Equal("agent-1", shown.GetProperty("clientOrderId").GetString());
            var position = Assert.Single((await client.GetDataAsync($"/api/accounts/{account}/positions")).EnumerateArray());
            Assert.Equal(2m, position.GetProperty("quantity").GetDecimal());

            var retried = await mcp.CallAsync("place_order", order);
            Assert.False(retried.GetProperty("created").GetBoolean());
            Assert.Equal(orderId, retried.GetProperty("order").GetProperty("id").GetGuid());
            Assert.Equal(1, await OrderCountAsync(client, account));

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var entry = await db.AuditLog.AsNoTracking().SingleAsync(e => e.UserId == user.Id && e.Event == McpAuditEvents.OrderPlaced);
            Assert.Contains(keyId.ToString(), entry.Details, StringComparison.Ordinal);
            Assert.Contains(orderId.ToString(), entry.Details, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_trade_key_cancels_an_open_order_and_says_so()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (user, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        {
            var account = await client.CreateAccountAsync();
            await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);
            var (key, _) = await client.CreateApiKeyAsync(["read", "trade"]);
            await using var mcp = await factory.ConnectAsync(key);
            var placed = await mcp.CallAsync("place_order", new()
            {
                ["accountId"] = account.ToString(), ["symbol"] = "ETH-USD", ["side"] = "buy", ["type"] = "limit", ["price"] = 2_500m, ["quantity"] = 1m,
            });
            Assert.Equal("open", placed.GetProperty("order").GetProperty("status").GetString());
            var orderId = placed.GetProperty("order").GetProperty("id").GetGuid();

            var cancelled = await mcp.CallAsync("cancel_order", new() { ["accountId"] = account.ToString(), ["orderId"] = orderId.ToString() });
            Assert.Equal("cancelled", cancelled.GetProperty("order").GetProperty("status").GetString());
            Assert.StartsWith("Cancelled", cancelled.GetProperty("summary").GetString(), StringComparison.Ordinal);
            Assert.Equal("cancelled", (await client.GetDataAsync($"/api/accounts/{account}/orders/{orderId}")).GetProperty("status").GetString());

            var again = await mcp.CallFailingAsync("cancel_order", new() { ["accountId"] = account.ToString(), ["orderId"] = orderId.ToString() });
            Assert.Contains("CONFLICT_ERROR", again, StringComparison.Ordinal);

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            Assert.True(await db.AuditLog.AnyAsync(e => e.UserId == user.Id && e.Event == McpAuditEvents.OrderCancelled));
        }
    }

    [Fact]
    public async Task Invalid_arguments_are_tool_errors_with_a_clear_message()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        {
            var account = await client.CreateAccountAsync();
            await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
            var (key, _) = await client.CreateApiKeyAsync(["read", "trade", "backtest"]);
            await using var mcp = await factory.ConnectAsync(key);
            var id = account.ToString();

            Assert.Contains("quantity", await mcp.CallFailingAsync("place_order", new() { ["accountId"] = id, ["symbol"] = "BTC-USD", ["side"] = "buy", ["quantity"] = -1m }), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("side", await mcp.CallFailingAsync("place_order", new() { ["accountId"] = id, ["symbol"] = "BTC-USD", ["side"] = "sideways", ["quantity"] = 1m }), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("clientOrderId", await mcp.CallFailingAsync("place_order", new() { ["accountId"] = id, ["symbol"] = "BTC-USD", ["side"] = "buy", ["quantity"] = 1m, ["clientOrderId"] = "has spaces" }), StringComparison.Ordinal);
            Assert.Contains("accountId", await mcp.CallFailingAsync("place_order", new() { ["accountId"] = "not-an-id", ["symbol"] = "BTC-USD", ["side"] = "buy", ["quantity"] = 1m }), StringComparison.Ordinal);
            Assert.Contains("NOT_FOUND_ERROR", await mcp.CallFailingAsync("cancel_order", new() { ["accountId"] = id, ["orderId"] = Guid.NewGuid().ToString() }), StringComparison.Ordinal);
            Assert.Contains("backtestId", await mcp.CallFailingAsync("get_backtest", new() { ["backtestId"] = "42" }), StringComparison.Ordinal);
            Assert.Contains("NOT_FOUND_ERROR", await mcp.CallFailingAsync("get_backtest", new() { ["backtestId"] = Guid.NewGuid().ToString() }), StringComparison.Ordinal);
            Assert.Contains("NOPE", await mcp.CallFailingAsync("get_quotes", new() { ["symbols"] = new[] { "BTC-USD", "NOPE" } }), StringComparison.Ordinal);
            Assert.Contains("interval", await mcp.CallFailingAsync("get_candles", new() { ["symbol"] = "BTC-USD", ["interval"] = "7m" }), StringComparison.Ordinal);
            Assert.Contains("limit", await mcp.CallFailingAsync("get_positions", new() { ["accountId"] = id, ["limit"] = 1000 }), StringComparison.Ordinal);
            Assert.Contains("status", await mcp.CallFailingAsync("list_backtests", new() { ["status"] = "sleeping" }), StringComparison.Ordinal);
            Assert.Contains("strategyId", await mcp.CallFailingAsync("start_backtest", new()
            {
                ["strategyId"] = "x", ["interval"] = "1h", ["start"] = "2026-01-01T00:00:00Z", ["end"] = "2026-02-01T00:00:00Z",
            }), StringComparison.Ordinal);
            Assert.Contains("message", await mcp.CallFailingAsync("ask_project_chat", new() { ["message"] = "  " }), StringComparison.Ordinal);

            // Arguments the schema refuses (missing, of the wrong type) are tool errors too, not crashes.
            var missing = await mcp.CallFailingAsync("place_order", new() { ["accountId"] = id, ["side"] = "buy", ["quantity"] = 1m });
            var mistyped = await mcp.CallFailingAsync("place_order", new() { ["accountId"] = id, ["symbol"] = "BTC-USD", ["side"] = "buy", ["quantity"] = "lots" });
            Assert.Contains("symbol: is required", missing, StringComparison.Ordinal);
            Assert.Contains("quantity: must be a number", mistyped, StringComparison.Ordinal);
            var unknown = await mcp.CallFailingAsync("get_holdings", new() { ["accountIds"] = "all" });
            Assert.Contains("accountIds: is not an argument", unknown, StringComparison.Ordinal);
            var badDate = await mcp.CallFailingAsync("start_backtest", new()
            {
                ["strategyId"] = Guid.NewGuid().ToString(), ["interval"] = "1h", ["start"] = "last tuesday", ["end"] = "2026-02-01T00:00:00Z",
            });
            Assert.Contains("start:", badDate, StringComparison.Ordinal);

            var quotes = await mcp.CallAsync("get_quotes", new() { ["symbols"] = new[] { "BTC-USD" } });
            Assert.Equal(60_010m, Assert.Single(quotes.EnumerateArray()).GetProperty("quote").GetProperty("ask").GetDecimal());
        }
    }

    private static async Task<int> OrderCountAsync(HttpClient client, Guid account)
    {
        using var response = await client.GetAsync($"/api/accounts/{account}/orders");
        return (await response.ReadJsonAsync()).GetProperty("pagination").GetProperty("total").GetInt32();
    }

    /// <summary>A tool the caller may not use is refused by the SDK's authorization filter, saying so (it is not run).</summary>
    private static async Task AssertRefusedAsync(McpClient mcp, string tool, Dictionary<string, object?> arguments)
    {
        var refused = await Assert.ThrowsAsync<McpProtocolException>(async () => await mcp.CallToolAsync(tool, arguments));
        Assert.Contains("forbidden", refused.Message, StringComparison.OrdinalIgnoreCase);
    }
}
