using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// One line of a sweep's table: the combination, its figures, the objective's value and ranking score (higher is
/// better), whether it met the constraints, and its 1-based rank.
/// </summary>
public sealed record SweepRow(
    int Rank,
    ParameterCombination Combination,
    BacktestMetrics Metrics,
    double ObjectiveValue,
    double Score,
    bool Feasible,
    SweepEvaluator EvaluatedBy);
