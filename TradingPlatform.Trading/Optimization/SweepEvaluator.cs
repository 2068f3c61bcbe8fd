namespace TradingPlatform.Trading.Optimization;

/// <summary>What computed a combination's figures.</summary>
public enum SweepEvaluator
{
    /// <summary>The full, decimal <see cref="Backtesting.BacktestEngine"/>.</summary>
    Engine,

    /// <summary>The crossover fast path on the CPU.</summary>
    FastCpu,

    /// <summary>The crossover fast path's kernel on a GPU.</summary>
    Gpu,
}
