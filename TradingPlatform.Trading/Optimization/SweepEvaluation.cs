using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Trading.Optimization;

/// <summary>One combination's figures and what computed them.</summary>
public sealed record SweepEvaluation(BacktestMetrics Metrics, SweepEvaluator EvaluatedBy);
