namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// A <see cref="RunningScore"/> at one moment: <see cref="Count"/> scored pairs, their MAE, sMAPE (percent, M4's
/// per-value term, 0 when forecast and actual are both 0) and MASE (MAE ÷ the supplied scale), each null until the
/// first pair; and the share of the <see cref="IntervalCount"/> pairs that came with an interval whose actual value
/// fell inside it, null until the first such pair.
/// </summary>
public sealed record RunningScoreSnapshot(long Count, double? Mae, double? SMape, double? Mase, long IntervalCount, double? Coverage);
