using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Trading.Optimization;

/// <summary>One ranked row of a sweep as stored (jsonb) and shown: its parameters, the objective's value, whether it met the constraints, and its metrics.</summary>
public sealed record OptimizationRowRecord(int Rank, IReadOnlyDictionary<string, double> Parameters, double Objective, bool Feasible, BacktestMetrics Metrics);
