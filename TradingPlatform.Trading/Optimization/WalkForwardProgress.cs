namespace TradingPlatform.Trading.Optimization;

/// <summary>How many of a walk-forward's windows are done.</summary>
public readonly record struct WalkForwardProgress(int CompletedWindows, int Windows);
