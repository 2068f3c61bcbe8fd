namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// One window of a walk-forward, as bar indices into the backtest's bars (starts inclusive, ends exclusive): the
/// in-sample bars the sweep optimises on, and the out-of-sample bars right after them that the chosen parameters trade.
/// </summary>
public sealed record WalkForwardWindow(int Index, int InSampleStart, int InSampleEnd, int OutOfSampleStart, int OutOfSampleEnd);
