using System.Text.Json;
using TradingPlatform.Api.Backtests;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Optimizations;

/// <summary>
/// A sweep or walk-forward: what was asked, its status and progress, and once completed the best rows (the full ranked
/// table is on <c>/results</c>), the best combination's backtest id (its trades and chart are under /api/backtests),
/// and for a walk-forward its windows with in- and out-of-sample metrics and the walk-forward efficiency.
/// </summary>
public sealed record OptimizationResponse(
    string Id,
    string Kind,
    string Status,
    double Progress,
    string? StrategyId,
    string Algorithm,
    JsonElement FixedParameters,
    JsonElement Grid,
    string Objective,
    double? MaxDrawdown,
    int? MinTrades,
    JsonElement? WalkForward,
    RiskManagement RiskManagement,
    IReadOnlyList<string> Symbols,
    string Interval,
    DateTimeOffset Start,
    DateTimeOffset End,
    decimal InitialBalance,
    int Combinations,
    int Skipped,
    string? Backend,
    IReadOnlyList<OptimizationRowRecord>? Top,
    string? BestBacktestId,
    JsonElement? WalkForwardResult,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt)
{
    public const int TopRows = 10;

    public static OptimizationResponse From(OptimizationRun run, bool withResults)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new OptimizationResponse(
            run.Id.ToString(), run.Kind == OptimizationKind.WalkForward ? "walk_forward" : "sweep", BacktestNames.Status(run.Status), run.Progress,
            run.StrategyId?.ToString(), run.Algorithm, Json(run.FixedParameters), Json(run.Grid), run.Objective, run.MaxDrawdown, run.MinTrades,
            run.WalkForward is null ? null : Json(run.WalkForward), run.RiskManagement, [.. run.Symbols], run.Interval.Code, run.Start, run.End,
            run.InitialBalance, run.Combinations, run.Skipped, run.Backend,
            withResults && run.Results is not null ? [.. BacktestJson.Deserialize<List<OptimizationRowRecord>>(run.Results).Take(TopRows)] : null,
            run.BestBacktestId?.ToString(), withResults && run.WalkForwardResult is not null ? Json(run.WalkForwardResult) : null,
            run.Error, run.CreatedAt, run.StartedAt, run.CompletedAt);
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
