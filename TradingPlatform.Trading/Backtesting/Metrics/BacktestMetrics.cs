namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// The performance figures of one backtest, as defined in <c>docs/backtesting-metrics.md</c>. Returns and ratios are
/// <see langword="double"/> fractions (0.12 = 12 %) and are not rounded (callers format them); money amounts are
/// <see langword="decimal"/> in account currency, rounded to the cent with <see cref="Common.Money.Round"/>. No figure
/// is ever NaN or infinite: where a ratio has no denominator it is 0, except <see cref="ProfitFactor"/>, which is
/// <see langword="null"/> when there is no loss to divide by.
/// </summary>
/// <remarks>
/// r_i = E_i / E_(i−1) − 1 are the per-period returns between consecutive equity points E_0 … E_(N−1); a period that
/// starts at an equity of zero or less has no return and is left out. years = (last.At − first.At).TotalDays / 365.25.
/// </remarks>
public sealed record BacktestMetrics
{
    /// <summary>All zero (and no profit factor): the figures of a test that has not produced any.</summary>
    public static BacktestMetrics Empty { get; } = new()
    {
        TotalReturn = 0,
        Cagr = 0,
        AnnualVolatility = 0,
        Sharpe = 0,
        Sortino = 0,
        MaxDrawdown = 0,
        MaxDrawdownDuration = TimeSpan.Zero,
        Calmar = 0,
        WinRate = 0,
        TotalTrades = 0,
        WinningTrades = 0,
        LosingTrades = 0,
        ProfitFactor = null,
        Expectancy = 0m,
        AverageWin = 0m,
        AverageLoss = 0m,
        LargestWin = 0m,
        LargestLoss = 0m,
        Exposure = 0,
        Turnover = 0,
        FeesPaid = 0m,
        SlippagePaid = 0m,
        BuyAndHoldReturn = 0,
        FinalEquity = 0m,
        NetProfit = 0m,
        PeriodsPerYear = 0,
    };

    /// <summary>final / initial balance − 1, where final is the last equity point.</summary>
    public required double TotalReturn { get; init; }

    /// <summary>
    /// Compound annual growth rate: (final / initial)^(1 / years) − 1; −1 when the final equity is zero or less, 0 when
    /// the equity curve spans no time, <see cref="double.MaxValue"/> when the compounding overflows (a gain annualised
    /// from a span of minutes).
    /// </summary>
    public required double Cagr { get; init; }

    /// <summary>Sample standard deviation (n − 1) of the per-period returns × √<see cref="PeriodsPerYear"/>; 0 with fewer than two returns.</summary>
    public required double AnnualVolatility { get; init; }

    /// <summary>
    /// (mean(r) − rf_p) / std(r) × √<see cref="PeriodsPerYear"/>, std the sample standard deviation, rf_p = (1 + rf)^(1 /
    /// PeriodsPerYear) − 1 the per-period risk-free rate; 0 when std is 0 (every return equal) or undefined.
    /// </summary>
    public required double Sharpe { get; init; }

    /// <summary>
    /// (mean(r) − rf_p) / DD × √<see cref="PeriodsPerYear"/>, DD = √(Σ min(r_i − rf_p, 0)² / n) the target downside
    /// deviation over all n returns; 0 when DD is 0 (no return below rf_p).
    /// </summary>
    public required double Sortino { get; init; }

    /// <summary>
    /// The deepest fall from a running peak, as a positive fraction: max over t of 1 − E_t / max(E_s, s ≤ t). Above 1
    /// when the equity fell below zero.
    /// </summary>
    public required double MaxDrawdown { get; init; }

    /// <summary>
    /// The longest time under water: from the last point at a peak before the equity fell below it to the first point
    /// back at or above that peak, or to the last point when it never got back. It need not be the episode of
    /// <see cref="MaxDrawdown"/>; zero when the equity never fell.
    /// </summary>
    public required TimeSpan MaxDrawdownDuration { get; init; }

    /// <summary><see cref="Cagr"/> / <see cref="MaxDrawdown"/>; 0 when there was no drawdown, capped at ±<see cref="double.MaxValue"/>.</summary>
    public required double Calmar { get; init; }

    /// <summary><see cref="WinningTrades"/> / <see cref="TotalTrades"/>; 0 without trades.</summary>
    public required double WinRate { get; init; }

    /// <summary>Every round trip, break-even ones included.</summary>
    public required int TotalTrades { get; init; }

    /// <summary>Round trips with a net P&amp;L (<see cref="BacktestTrade.NetPnl"/>) above zero.</summary>
    public required int WinningTrades { get; init; }

    /// <summary>Round trips with a net P&amp;L below zero. A trade at exactly zero is neither a win nor a loss.</summary>
    public required int LosingTrades { get; init; }

    /// <summary>
    /// Σ net P&amp;L of the wins / |Σ net P&amp;L of the losses|; 0 with losses and no wins, <see langword="null"/>
    /// when there is no loss (no trades, or every trade won or broke even): an infinite ratio would not survive JSON.
    /// </summary>
    public required double? ProfitFactor { get; init; }

    /// <summary>Mean net P&amp;L per trade, break-even trades included; 0 without trades.</summary>
    public required decimal Expectancy { get; init; }

    /// <summary>Mean net P&amp;L of the winning trades; 0 without wins.</summary>
    public required decimal AverageWin { get; init; }

    /// <summary>Mean net P&amp;L of the losing trades, a negative number; 0 without losses.</summary>
    public required decimal AverageLoss { get; init; }

    /// <summary>The highest net P&amp;L of a winning trade; 0 without wins.</summary>
    public required decimal LargestWin { get; init; }

    /// <summary>The lowest net P&amp;L of a losing trade, a negative number; 0 without losses.</summary>
    public required decimal LargestLoss { get; init; }

    /// <summary>Bars with an open position / all bars of the test; 0 with no bars.</summary>
    public required double Exposure { get; init; }

    /// <summary>Traded notional / the mean of the equity points; 0 when that mean is zero or less.</summary>
    public required double Turnover { get; init; }

    /// <summary>The commission of every fill.</summary>
    public required decimal FeesPaid { get; init; }

    /// <summary>What the fills cost against the touch price.</summary>
    public required decimal SlippagePaid { get; init; }

    /// <summary>Benchmark end price / start price − 1 (buy and hold of the first symbol); 0 when the start price is zero or less.</summary>
    public required double BuyAndHoldReturn { get; init; }

    /// <summary>The last equity point.</summary>
    public required decimal FinalEquity { get; init; }

    /// <summary>Final equity − initial balance (rounded once, after the subtraction).</summary>
    public required decimal NetProfit { get; init; }

    /// <summary>
    /// Periods per year measured from the data: (N − 1) / years for N equity points, which is right for every candle
    /// interval and for markets with trading hours; 0 when the curve spans no time, and then every annualised figure
    /// (<see cref="Cagr"/>, <see cref="AnnualVolatility"/>, <see cref="Sharpe"/>, <see cref="Sortino"/>,
    /// <see cref="Calmar"/>) is 0.
    /// </summary>
    public required double PeriodsPerYear { get; init; }
}
