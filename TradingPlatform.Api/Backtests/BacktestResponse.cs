using System.Text.Json;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Backtests;

/// <summary>
/// Seed 004's backtest, in camelCase: what was asked, its status and progress (0–1), and once completed its metrics
/// (docs/backtesting-metrics.md defines each), the data gaps found, and (on GET by id) the downsampled equity curve.
/// </summary>
public sealed record BacktestResponse(
    string Id,
    string Status,
    double Progress,
    string? StrategyId,
    string Algorithm,
    JsonElement Parameters,
    RiskManagement RiskManagement,
    IReadOnlyList<string> Symbols,
    string Interval,
    DateTimeOffset Start,
    DateTimeOffset End,
    decimal InitialBalance,
    int Leverage,
    decimal? CommissionRate,
    decimal? Slippage,
    string IntrabarPath,
    long Bars,
    int TradeCount,
    BacktestMetrics? Metrics,
    IReadOnlyList<DataGap>? Gaps,
    IReadOnlyList<EquityCurvePoint>? EquityCurve,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt)
{
    public static BacktestResponse From(BacktestRun run, bool withCurve)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var parameters = JsonDocument.Parse(run.Parameters);
        return new BacktestResponse(
            run.Id.ToString(), BacktestNames.Status(run.Status), run.Progress, run.StrategyId?.ToString(), run.Algorithm,
            parameters.RootElement.Clone(), run.RiskManagement, [.. run.Symbols], run.Interval.Code, run.Start, run.End, run.InitialBalance,
            run.Leverage, run.CommissionRate, run.SlippageFactor, BacktestNames.Path(run.IntrabarPath), run.Bars, run.TradeCount,
            run.Metrics is null ? null : BacktestJson.Deserialize<BacktestMetrics>(run.Metrics),
            run.Gaps is null ? null : BacktestJson.Deserialize<List<DataGap>>(run.Gaps),
            withCurve && run.EquityCurve is not null ? BacktestJson.Deserialize<List<EquityCurvePoint>>(run.EquityCurve) : null,
            run.Error, run.CreatedAt, run.StartedAt, run.CompletedAt);
    }
}
