using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// One window's outcome: the combination the in-sample sweep chose (null when none met the constraints, and then the
/// window does not trade), its in-sample figures, the full-engine run of the out-of-sample bars, and both periods'
/// annualised returns (total return ÷ years, see <see cref="WalkForwardResult.Efficiency"/>) with their ratio.
/// </summary>
public sealed record WalkForwardWindowResult(
    WalkForwardWindow Window,
    ParameterCombination? Chosen,
    BacktestMetrics? InSample,
    BacktestResult? OutOfSample,
    double? InSampleAnnualisedReturn,
    double OutOfSampleAnnualisedReturn,
    double? Efficiency,
    int CombinationsEvaluated);
