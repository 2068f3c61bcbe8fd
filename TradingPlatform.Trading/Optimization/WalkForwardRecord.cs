using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// A walk-forward's outcome as stored and shown: the windows, the stitched out-of-sample equity curve (downsampled),
/// and the walk-forward efficiency with why it is null when it is (see <see cref="WalkForwardResult.Efficiency"/>).
/// </summary>
public sealed record WalkForwardRecord(
    IReadOnlyList<WalkForwardWindowRecord> Windows,
    double? Efficiency,
    string? EfficiencyNote,
    double MeanInSampleAnnualisedReturn,
    double MeanOutOfSampleAnnualisedReturn,
    IReadOnlyList<EquityCurvePoint> OutOfSampleEquity);
