namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// What <see cref="BacktestMetricsCalculator.Calculate"/> needs from a finished backtest. The definitions of the
/// figures computed from it are in <c>docs/backtesting-metrics.md</c>.
/// </summary>
/// <param name="Equity">
/// The equity curve, time-ordered (non-decreasing <see cref="EquityPoint.At"/>): the first point is the start of the
/// test and carries the initial balance, then one point per bar close. It must not be empty and its first point must
/// be positive; drawdowns and per-period returns are measured on it.
/// </param>
/// <param name="Trades">Every round trip of the test, including the ones closed at the end of the test.</param>
/// <param name="InitialBalance">
/// The balance the test started with (positive): the base of <see cref="BacktestMetrics.TotalReturn"/>,
/// <see cref="BacktestMetrics.Cagr"/> and <see cref="BacktestMetrics.NetProfit"/>. Normally equal to the first
/// equity point.
/// </param>
/// <param name="FeesPaid">The commission of every fill, in account currency.</param>
/// <param name="SlippagePaid">What the fills cost against the touch price (bid for a sell, ask for a buy), in account currency.</param>
/// <param name="TradedNotional">Σ |quantity × price| over every fill, in account currency.</param>
/// <param name="BarsInMarket">The number of bars during which a position was open (0 to <paramref name="TotalBars"/>).</param>
/// <param name="TotalBars">The number of bars the test ran over (not negative).</param>
/// <param name="BenchmarkStartPrice">The first open of the test's first symbol: buy-and-hold's entry.</param>
/// <param name="BenchmarkEndPrice">The last close of the test's first symbol: buy-and-hold's exit.</param>
/// <param name="RiskFreeRate">
/// The annual risk-free rate as a fraction (0.04 = 4 % a year), compounded to a per-period rate for the Sharpe and
/// Sortino ratios; finite and above −1.
/// </param>
public sealed record MetricsInput(
    IReadOnlyList<EquityPoint> Equity,
    IReadOnlyList<BacktestTrade> Trades,
    decimal InitialBalance,
    decimal FeesPaid,
    decimal SlippagePaid,
    decimal TradedNotional,
    int BarsInMarket,
    int TotalBars,
    decimal BenchmarkStartPrice,
    decimal BenchmarkEndPrice,
    double RiskFreeRate = 0);
