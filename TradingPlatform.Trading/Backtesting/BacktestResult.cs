using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>Everything a run produced: metrics, the equity curve (one point per bar close), round trips, orders, fills, signals and data gaps.</summary>
public sealed record BacktestResult(
    BacktestMetrics Metrics,
    IReadOnlyList<EquityPoint> Equity,
    IReadOnlyList<BacktestTrade> Trades,
    IReadOnlyList<Order> Orders,
    IReadOnlyList<Fill> Fills,
    IReadOnlyList<StrategySignal> Signals,
    IReadOnlyList<StrategyAction> Actions,
    IReadOnlyList<DataGap> Gaps,
    long Bars);
