using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// A walk-forward's windows, the out-of-sample equity curve stitched from them (each window starts with the equity the
/// one before it ended with), and the walk-forward efficiency.
/// </summary>
/// <param name="Efficiency">
/// Walk-forward efficiency = the mean annualised out-of-sample return ÷ the mean annualised in-sample return, over the
/// windows that chose parameters, where a period's annualised return is its total return ÷ its length in years of
/// 365.25 days. Arithmetic, not compounded, annualisation: windows are often days long, and compounding a day's 1 % to
/// a year (3,600 %) explodes and makes the ratio meaningless. 1 means the out-of-sample periods earned at the in-sample
/// rate; null when no window chose parameters or the mean in-sample return is zero or negative (a ratio to a loss says
/// nothing about how much of the optimised edge survived), as <see cref="EfficiencyNote"/> says.
/// </param>
public sealed record WalkForwardResult(
    IReadOnlyList<WalkForwardWindowResult> Windows,
    IReadOnlyList<EquityPoint> StitchedEquity,
    double? Efficiency,
    string? EfficiencyNote,
    double MeanInSampleAnnualisedReturn,
    double MeanOutOfSampleAnnualisedReturn)
{
    /// <summary>The stitched curve's total return: last ÷ first − 1.</summary>
    public double OutOfSampleTotalReturn => StitchedEquity.Count == 0 || StitchedEquity[0].Equity == 0m
        ? 0
        : (double)(StitchedEquity[^1].Equity / StitchedEquity[0].Equity) - 1;
}
