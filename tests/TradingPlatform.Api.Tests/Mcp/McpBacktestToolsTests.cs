using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Mcp;
using TradingPlatform.Api.Tests.Backtests;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Mcp;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class McpBacktestToolsTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_backtest_key_queues_a_backtest_that_the_rest_api_and_the_read_tools_show_and_another_user_cannot_read()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure);
        await factory.StoreHistoryAsync("BTC-USD");
        var (user, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        var (_, other) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        using (other)
        {
            using var created = await client.PostJsonAsync("/api/strategies", new
            {
                name = "Saved", type = "automated", algorithm = "ema_crossover", symbols = new[] { "BTC-USD" }, parameters = new { fast = 4, slow = 9 },
            });
            var strategyId = (await created.ReadDataAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
            var (key, keyId) = await client.CreateApiKeyAsync(["read", "backtest"]);
            Dictionary<string, object?> arguments = new()
            {
                ["strategyId"] = strategyId.ToString(), ["interval"] = "1h", ["start"] = BacktestKit.DataStart.ToString("O"),
                ["end"] = BacktestKit.DataEnd.ToString("O"), ["initialBalance"] = 10_000m,
            };

            Guid backtestId;
            await using (var mcp = await factory.ConnectAsync(key))
            {
                var started = await mcp.CallAsync("start_backtest", arguments);
                backtestId = started.GetProperty("backtest").GetProperty("id").GetGuid();
                Assert.StartsWith($"Queued backtest {backtestId}", started.GetProperty("summary").GetString(), StringComparison.Ordinal);
                Assert.Equal(strategyId, started.GetProperty("backtest").GetProperty("strategyId").GetGuid());

                var listed = await mcp.CallAsync("list_backtests");
                Assert.Contains(listed.EnumerateArray(), b => b.GetProperty("id").GetGuid() == backtestId);
                var read = await mcp.CallAsync("get_backtest", new() { ["backtestId"] = backtestId.ToString() });
                Assert.Equal(10_000m, read.GetProperty("initialBalance").GetDecimal());
            }

            var shown = await client.GetDataAsync($"/api/backtests/{backtestId}");
            Assert.Equal(strategyId, shown.GetProperty("strategyId").GetGuid());

            var (otherKey, _) = await other.CreateApiKeyAsync(["read", "backtest"]);
            await using (var mcp = await factory.ConnectAsync(otherKey))
            {
                Assert.Contains("NOT_FOUND_ERROR", await mcp.CallFailingAsync("get_backtest", new() { ["backtestId"] = backtestId.ToString() }), StringComparison.Ordinal);
                Assert.DoesNotContain((await mcp.CallAsync("list_backtests")).EnumerateArray(), b => b.GetProperty("id").GetGuid() == backtestId);
                // Another user's saved strategy cannot be backtested either.
                Assert.Contains("NOT_FOUND_ERROR", await mcp.CallFailingAsync("start_backtest", arguments), StringComparison.Ordinal);
            }

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var entry = await db.AuditLog.AsNoTracking().SingleAsync(e => e.UserId == user.Id && e.Event == McpAuditEvents.BacktestStarted);
            Assert.Contains(keyId.ToString(), entry.Details, StringComparison.Ordinal);
            Assert.Contains(backtestId.ToString(), entry.Details, StringComparison.Ordinal);
        }
    }
}
