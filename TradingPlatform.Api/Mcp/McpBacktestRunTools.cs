using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.Server;
using TradingPlatform.Api.Backtests;
using TradingPlatform.Api.Identity.Tokens;

namespace TradingPlatform.Api.Mcp;

/// <summary>
/// Starting a backtest of a saved strategy, for keys with the <c>backtest</c> scope (and, with an access token, traders
/// and admins): validated as <c>POST /api/backtests</c> is and queued by the same <see cref="BacktestService"/> (its
/// limits on concurrent runs and bars included) for the Worker.
/// </summary>
[McpServerToolType]
[Authorize(Policy = McpPolicies.Backtest)]
internal sealed class McpBacktestRunTools(BacktestService backtests, McpActionAudit audit)
{
    [McpServerTool(Name = "start_backtest", Title = "Start a backtest", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Queues a backtest of one of the user's saved strategies over [start, end) and says what it did (the backtest id and status); follow it with get_backtest.")]
    public Task<McpBacktestResult> StartBacktestAsync(
        ClaimsPrincipal user,
        [Description("The saved strategy's id.")] string strategyId,
        [Description("The bar interval: 1m, 5m, 15m, 1h, 4h or 1d.")] string interval,
        [Description("ISO-8601 UTC start of the period (inclusive).")] DateTimeOffset start,
        [Description("ISO-8601 UTC end of the period (exclusive).")] DateTimeOffset end,
        [Description("The symbols; omit for the strategy's own.")] string[]? symbols = null,
        [Description("The starting balance in USD (default 100,000).")] decimal initialBalance = 100_000m,
        [Description("Leverage, 1 to 100 (default 1).")] int leverage = 1,
        CancellationToken cancellationToken = default) => McpToolErrors.GuardAsync(async () =>
    {
        var request = new CreateBacktestRequest
        {
            StrategyId = McpToolErrors.ParseId("strategyId", strategyId), Interval = interval, Start = start, End = end, Symbols = symbols,
            InitialBalance = initialBalance, Leverage = leverage,
        };
        McpToolErrors.Validate(request);
        var created = await backtests.CreateAsync(user.GetUserId().Value, request, cancellationToken);
        await audit.RecordAsync(user, McpAuditEvents.BacktestStarted, new { backtestId = created.Id, created.StrategyId, created.Symbols, created.Interval, created.Start, created.End }, cancellationToken);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Queued backtest {created.Id} of strategy {created.StrategyId} on {string.Join(", ", created.Symbols)} ({created.Interval}, {created.Start:u} to {created.End:u}); status {created.Status}.");
        return new McpBacktestResult(summary, created);
    });
}
