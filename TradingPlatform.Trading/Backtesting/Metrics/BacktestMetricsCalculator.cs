using TradingPlatform.Trading.Common;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// Computes a backtest's <see cref="BacktestMetrics"/> from its equity curve, its round trips and its cost totals.
/// Every definition is on <see cref="BacktestMetrics"/> and, with worked examples, in <c>docs/backtesting-metrics.md</c>.
/// Pure and deterministic: the same input always gives the same figures.
/// </summary>
public static class BacktestMetricsCalculator
{
    /// <summary>The figures of one backtest.</summary>
    /// <exception cref="ArgumentException">
    /// The equity curve is empty, not time-ordered or starts at zero or below; the initial balance is not positive; the
    /// bar counts are negative or more bars were in the market than the test had; the risk-free rate is not finite or
    /// is −1 or below.
    /// </exception>
    public static BacktestMetrics Calculate(MetricsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);

        var equity = input.Equity;
        var final = equity[^1].Equity;
        var years = EquityCurve.Years(equity);
        var periodsPerYear = EquityCurve.PeriodsPerYear(equity);
        var annualised = periodsPerYear > 0;
        var returns = EquityCurve.Returns(equity);
        // Each moment once: a million-point curve made volatility, Sharpe and Sortino walk the returns nine times.
        var mean = ReturnStatistics.Mean(returns);
        var deviation = ReturnStatistics.SampleStandardDeviation(returns);
        var (maxDrawdown, maxDrawdownDuration) = Drawdowns.Summarise(equity);
        var trades = TradeStatistics.Of(input.Trades);
        var cagr = !annualised ? 0 : final <= 0m ? -1 : Capped(Math.Pow((double)(final / input.InitialBalance), 1 / years) - 1);
        var averageEquity = equity.Average(p => p.Equity);

        return new BacktestMetrics
        {
            TotalReturn = (double)((final - input.InitialBalance) / input.InitialBalance),
            Cagr = cagr,
            AnnualVolatility = annualised ? deviation * Math.Sqrt(periodsPerYear) : 0,
            Sharpe = annualised ? Sharpe(mean, deviation, input.RiskFreeRate, periodsPerYear) : 0,
            Sortino = annualised ? Sortino(returns, mean, input.RiskFreeRate, periodsPerYear) : 0,
            MaxDrawdown = maxDrawdown,
            MaxDrawdownDuration = maxDrawdownDuration,
            Calmar = maxDrawdown > 0 ? Capped(cagr / maxDrawdown) : 0,
            WinRate = trades.WinRate,
            TotalTrades = trades.Total,
            WinningTrades = trades.Wins,
            LosingTrades = trades.Losses,
            ProfitFactor = trades.ProfitFactor,
            Expectancy = trades.Expectancy,
            AverageWin = trades.AverageWin,
            AverageLoss = trades.AverageLoss,
            LargestWin = trades.LargestWin,
            LargestLoss = trades.LargestLoss,
            Exposure = input.TotalBars > 0 ? (double)input.BarsInMarket / input.TotalBars : 0,
            Turnover = averageEquity > 0m ? (double)(input.TradedNotional / averageEquity) : 0,
            FeesPaid = Money.Round(input.FeesPaid),
            SlippagePaid = Money.Round(input.SlippagePaid),
            BuyAndHoldReturn = input.BenchmarkStartPrice > 0m
                ? (double)((input.BenchmarkEndPrice - input.BenchmarkStartPrice) / input.BenchmarkStartPrice)
                : 0,
            FinalEquity = Money.Round(final),
            NetProfit = Money.Round(final - input.InitialBalance),
            PeriodsPerYear = periodsPerYear,
        };
    }

    /// <summary>
    /// The drawdown at every point of an equity curve, E_t / max(E_s, s ≤ t) − 1 (0 at a peak, negative below it), in
    /// the curve's order: the "underwater" chart. Its minimum is −<see cref="BacktestMetrics.MaxDrawdown"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The curve is empty, not time-ordered or starts at zero or below.</exception>
    public static IReadOnlyList<DrawdownPoint> DrawdownSeries(IReadOnlyList<EquityPoint> equity)
    {
        EquityCurve.Validate(equity, nameof(equity));
        return Drawdowns.Series(equity);
    }

    /// <summary>
    /// A gain compounded over a span of minutes can overflow a double (1.1^525960 for 10 % in a minute): such a figure
    /// is reported as <see cref="double.MaxValue"/>, because an infinity cannot be written as JSON.
    /// </summary>
    private static double Capped(double value) => Math.Clamp(value, double.MinValue, double.MaxValue);

    /// <summary>rf_p = (1 + rf)^(1 / periods per year) − 1: the annual rate compounded down to one period.</summary>
    private static double PerPeriodRiskFree(double annualRate, double periodsPerYear) =>
        Math.Pow(1 + annualRate, 1 / periodsPerYear) - 1;

    /// <param name="mean">The returns' <see cref="ReturnStatistics.Mean"/>.</param>
    /// <param name="deviation">Their <see cref="ReturnStatistics.SampleStandardDeviation"/>.</param>
    private static double Sharpe(double mean, double deviation, double riskFreeRate, double periodsPerYear)
    {
        if (deviation == 0)
        {
            return 0;
        }

        var excess = mean - PerPeriodRiskFree(riskFreeRate, periodsPerYear);
        return excess / deviation * Math.Sqrt(periodsPerYear);
    }

    /// <param name="mean">The returns' <see cref="ReturnStatistics.Mean"/>.</param>
    private static double Sortino(List<double> returns, double mean, double riskFreeRate, double periodsPerYear)
    {
        var target = PerPeriodRiskFree(riskFreeRate, periodsPerYear);
        var downside = ReturnStatistics.DownsideDeviation(returns, target);
        if (downside == 0)
        {
            return 0;
        }

        return (mean - target) / downside * Math.Sqrt(periodsPerYear);
    }

    private static void Validate(MetricsInput input)
    {
        EquityCurve.Validate(input.Equity, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Trades, nameof(input));
        if (input.InitialBalance <= 0m)
        {
            throw new ArgumentException($"The initial balance is {input.InitialBalance}: returns need a positive one.", nameof(input));
        }

        if (input.TotalBars < 0 || input.BarsInMarket < 0 || input.BarsInMarket > input.TotalBars)
        {
            throw new ArgumentException(
                $"{input.BarsInMarket} bars in the market of {input.TotalBars}: both must be zero or more, and the first at most the second.", nameof(input));
        }

        if (!double.IsFinite(input.RiskFreeRate) || input.RiskFreeRate <= -1)
        {
            throw new ArgumentException($"The risk-free rate is {input.RiskFreeRate}: it must be a finite annual fraction above −1.", nameof(input));
        }
    }
}
