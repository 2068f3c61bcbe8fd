using System.Globalization;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Tests.Backtesting;

/// <summary>Small hand-checkable inputs for the metrics tests; the expected figures are worked out in each test.</summary>
internal static class MetricsFixtures
{
    /// <summary>Tolerance for doubles that come from exact arithmetic (a handful of operations on short decimals).</summary>
    public const double Exact = 1e-12;

    public static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static EquityPoint Point(string utc, decimal equity) => new(At(utc), equity);

    /// <summary>
    /// Equity 100, 110, 99, 121 at points 121.75 days apart, so the curve spans exactly 365.25 days = 1 year and holds
    /// 3 periods: PeriodsPerYear = 3 / 1 = 3. (2024 is a leap year: Jan 1 + 121 d = May 1, + 243 d = Aug 31, + 366 d =
    /// 2025-01-01, so + 365.25 d = Dec 31 06:00.)
    /// </summary>
    public static IReadOnlyList<EquityPoint> YearOfThreePeriods { get; } =
    [
        Point("2024-01-01T00:00:00Z", 100m),
        Point("2024-05-01T18:00:00Z", 110m),
        Point("2024-08-31T12:00:00Z", 99m),
        Point("2024-12-31T06:00:00Z", 121m),
    ];

    /// <summary>Daily points from 2024-03-04 (a Monday), one per value.</summary>
    public static IReadOnlyList<EquityPoint> Daily(params decimal[] equity) =>
        equity.Select((e, i) => new EquityPoint(At("2024-03-04T00:00:00Z").AddDays(i), e)).ToList();

    public static MetricsInput Input(IReadOnlyList<EquityPoint> equity, IReadOnlyList<BacktestTrade>? trades = null) =>
        new(
            Equity: equity,
            Trades: trades ?? [],
            InitialBalance: equity[0].Equity,
            FeesPaid: 0m,
            SlippagePaid: 0m,
            TradedNotional: 0m,
            BarsInMarket: 0,
            TotalBars: equity.Count - 1,
            BenchmarkStartPrice: 0m,
            BenchmarkEndPrice: 0m);

    public static BacktestMetrics Calculate(IReadOnlyList<EquityPoint> equity, IReadOnlyList<BacktestTrade>? trades = null) =>
        BacktestMetricsCalculator.Calculate(Input(equity, trades));

    /// <summary>A long BTC-USD round trip with the given gross P&amp;L and fees (net = gross − fees).</summary>
    public static BacktestTrade Trade(decimal grossPnl, decimal fees) =>
        new("BTC-USD", PositionSide.Long, 1m, At("2024-03-04T00:00:00Z"), 100m, At("2024-03-05T00:00:00Z"), 100m + grossPnl, grossPnl, fees, TradeExitReason.Signal);

    /// <summary>Every double of the figures, so that a test can check none is NaN or infinite.</summary>
    public static IEnumerable<double> Doubles(BacktestMetrics m) =>
    [
        m.TotalReturn, m.Cagr, m.AnnualVolatility, m.Sharpe, m.Sortino, m.MaxDrawdown, m.Calmar, m.WinRate,
        m.ProfitFactor ?? 0, m.Exposure, m.Turnover, m.BuyAndHoldReturn, m.PeriodsPerYear,
    ];
}
