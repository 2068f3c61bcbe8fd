using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Trading.Strategies;

/// <summary>An algorithm's change of mind at a bar's close: what it wants to hold in <see cref="Symbol"/> from the next price on.</summary>
public sealed record StrategySignal(string Symbol, DateTimeOffset At, TargetExposure Target, decimal Close);
