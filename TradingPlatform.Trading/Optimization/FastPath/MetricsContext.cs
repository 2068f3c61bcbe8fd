using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>
/// What every combination of a sweep shares for its metrics: the equity curve's length and span (one point at the first
/// open, one per bar close), hence the periods per year and the per-period risk-free rate, the benchmark's prices and
/// the unit of the notional and slippage sums.
/// </summary>
internal sealed record MetricsContext(
    decimal InitialBalance,
    int Points,
    int TotalBars,
    double Years,
    double PeriodsPerYear,
    double RiskFreeRate,
    double ReturnTarget,
    decimal TickLot,
    decimal BenchmarkStart,
    decimal BenchmarkEnd)
{
    private const double DaysPerYear = 365.25;

    public static MetricsContext Of(BacktestSettings settings, CrossoverMarket market, Instrument instrument)
    {
        // As EquityCurve.Years and EquityCurve.PeriodsPerYear.
        var years = TimeSpan.FromTicks(market.PointTimes[^1] - market.PointTimes[0]).TotalDays / DaysPerYear;
        var points = market.Count + 1;
        var periodsPerYear = years > 0 ? (points - 1) / years : 0;
        var target = periodsPerYear > 0 ? Math.Pow(1 + settings.RiskFreeRate, 1 / periodsPerYear) - 1 : 0;
        return new MetricsContext(
            settings.InitialBalance, points, market.Count, years, periodsPerYear, settings.RiskFreeRate, target,
            instrument.TickSize * instrument.LotSize, market.FirstOpen, market.LastClose);
    }
}
