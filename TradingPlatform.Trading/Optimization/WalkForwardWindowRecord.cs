using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// One walk-forward window as stored and shown: its in- and out-of-sample periods, the parameters the in-sample sweep
/// chose (null: none met the constraints, and the window did not trade), both periods' metrics, their annualised
/// returns and the window's efficiency (out-of-sample ÷ in-sample annualised return).
/// </summary>
public sealed record WalkForwardWindowRecord(
    int Index,
    DateTimeOffset InSampleStart,
    DateTimeOffset InSampleEnd,
    DateTimeOffset OutOfSampleStart,
    DateTimeOffset OutOfSampleEnd,
    IReadOnlyDictionary<string, double>? Parameters,
    BacktestMetrics? InSample,
    BacktestMetrics? OutOfSample,
    double? InSampleAnnualisedReturn,
    double OutOfSampleAnnualisedReturn,
    double? Efficiency,
    int CombinationsEvaluated);
