using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.Server;
using TradingPlatform.Api.Backtests;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Api.Mcp;

/// <summary>The caller's backtests, read through <see cref="BacktestService"/> (another user's is "not found").</summary>
[McpServerToolType]
[Authorize(Policy = McpPolicies.Read)]
internal sealed class McpBacktestTools(BacktestService backtests)
{
    [McpServerTool(Name = "list_backtests", Title = "Backtests", ReadOnly = true, OpenWorld = false)]
    [Description("The user's backtests, newest first: status, progress, strategy, period and, once completed, the metrics (return, drawdown, Sharpe, win rate …).")]
    public Task<IReadOnlyList<BacktestResponse>> ListBacktestsAsync(
        ClaimsPrincipal user,
        [Description("Only backtests in this status: queued, running, completed, failed or cancelled.")] string? status = null,
        [Description("How many to return, 1 to 100 (default 20).")] int limit = 20,
        CancellationToken cancellationToken = default) => McpToolErrors.GuardAsync(async () =>
    {
        BacktestStatus? wanted = null;
        if (status is not null)
        {
            wanted = Enum.TryParse<BacktestStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _)
                ? parsed
                : throw McpToolErrors.Invalid("status", "status is one of queued, running, completed, failed, cancelled.");
        }

        var (items, _) = await backtests.ListAsync(user.GetUserId().Value, PageRequest.From(1, limit), wanted, cancellationToken);
        return items;
    });

    [McpServerTool(Name = "get_backtest", Title = "Backtest", ReadOnly = true, OpenWorld = false)]
    [Description("One of the user's backtests by id, with its metrics, data gaps and downsampled equity curve.")]
    public Task<BacktestResponse> GetBacktestAsync(
        ClaimsPrincipal user,
        [Description("The backtest's id.")] string backtestId,
        CancellationToken cancellationToken = default) => McpToolErrors.GuardAsync(() =>
            backtests.GetAsync(user.GetUserId().Value, new BacktestId(McpToolErrors.ParseId("backtestId", backtestId)), cancellationToken));
}
