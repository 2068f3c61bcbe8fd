using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Worker.Analysis.Rules;

/// <summary>The proposed settings a strategy suggestion is backtested with, against the strategy's current ones.</summary>
public sealed record BacktestChange(Guid StrategyId, RiskManagement? Risk = null, CandleInterval? Interval = null);
