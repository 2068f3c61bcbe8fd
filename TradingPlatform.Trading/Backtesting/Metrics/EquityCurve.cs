namespace TradingPlatform.Trading.Backtesting;

/// <summary>The checks and the time base shared by every figure computed from an equity curve.</summary>
internal static class EquityCurve
{
    private const double DaysPerYear = 365.25;

    /// <summary>
    /// An equity curve is not empty, is time-ordered and starts positive: the first point is the initial balance,
    /// and every drawdown is a fraction of a running peak that can then never be zero or less.
    /// </summary>
    public static void Validate(IReadOnlyList<EquityPoint> equity, string paramName)
    {
        ArgumentNullException.ThrowIfNull(equity, paramName);
        if (equity.Count == 0)
        {
            throw new ArgumentException(
                "The equity curve is empty: it needs at least the starting point with the initial balance.", paramName);
        }

        if (equity[0].Equity <= 0m)
        {
            throw new ArgumentException(
                $"The equity curve starts at {equity[0].Equity}: the first point is the initial balance and must be positive.", paramName);
        }

        for (var i = 1; i < equity.Count; i++)
        {
            if (equity[i].At < equity[i - 1].At)
            {
                throw new ArgumentException(
                    $"The equity curve is not time-ordered: point {i} ({equity[i].At:O}) is before point {i - 1} ({equity[i - 1].At:O}).", paramName);
            }
        }
    }

    /// <summary>(last.At − first.At) in years of 365.25 days.</summary>
    public static double Years(IReadOnlyList<EquityPoint> equity) => (equity[^1].At - equity[0].At).TotalDays / DaysPerYear;

    /// <summary>(N − 1) / years: how many periods the data holds per year; 0 when it spans no time.</summary>
    public static double PeriodsPerYear(IReadOnlyList<EquityPoint> equity)
    {
        var years = Years(equity);
        return years > 0 ? (equity.Count - 1) / years : 0;
    }

    /// <summary>
    /// r_i = E_i / E_(i−1) − 1 for each pair of consecutive points whose earlier equity is positive. A period that
    /// starts at zero or below has no defined return (nothing was at risk, and the ratio would divide by zero or flip
    /// sign), so it is left out rather than counted as 0, which would dilute a ruined account's figures. A fall from
    /// positive to zero or below is kept: it is −1 or less.
    /// </summary>
    public static List<double> Returns(IReadOnlyList<EquityPoint> equity)
    {
        var returns = new List<double>(Math.Max(equity.Count - 1, 0));
        for (var i = 1; i < equity.Count; i++)
        {
            var previous = equity[i - 1].Equity;
            if (previous > 0m)
            {
                // In decimal first: 99 / 110 − 1 is the nearest double to −0.1, not a double quotient's rounding. An
                // unchanged equity (every flat bar) is 0 exactly without the division.
                var current = equity[i].Equity;
                returns.Add(current == previous ? 0.0 : (double)((current - previous) / previous));
            }
        }

        return returns;
    }
}
