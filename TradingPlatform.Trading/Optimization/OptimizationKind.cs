namespace TradingPlatform.Trading.Optimization;

/// <summary>A parameter sweep over a grid, or a walk-forward of optimise-in-sample, test-out-of-sample windows.</summary>
public enum OptimizationKind
{
    Sweep,
    WalkForward,
}
