namespace TradingPlatform.Trading.Optimization;

/// <summary>Evaluates a sweep's combinations: the full engine, the crossover fast path on the CPU, or its GPU kernel.</summary>
public interface ISweepBackend
{
    /// <summary>A short name for logs and results (engine, fast-cpu, gpu).</summary>
    string Name { get; }

    /// <summary>The figures of every combination, in the order given.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    IReadOnlyList<SweepEvaluation> Evaluate(
        SweepRequest request,
        IReadOnlyList<ParameterCombination> combinations,
        IProgress<SweepProgress>? progress,
        CancellationToken cancellationToken);
}
