using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Trading.Optimization;

/// <summary>A sweep's ranked table and the full-engine run (orders, fills, trades, equity) of its best combination, if any met the constraints.</summary>
public sealed record SweepOutcome(SweepResult Table, BacktestResult? Best);
