namespace TradingPlatform.Trading.Optimization;

/// <summary>How many of a sweep's combinations are done.</summary>
public readonly record struct SweepProgress(int Completed, int Total);
