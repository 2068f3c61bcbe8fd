using System.Runtime.ExceptionServices;
using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// The reference sweep: every combination through the full <see cref="BacktestEngine"/>, for any algorithm, one
/// combination per task on every core. Each run is independent and deterministic, so the figures do not depend on the
/// schedule.
/// </summary>
public sealed class EngineSweep : ISweepBackend
{
    public static EngineSweep Instance { get; } = new();

    public string Name => "engine";

    public IReadOnlyList<SweepEvaluation> Evaluate(
        SweepRequest request,
        IReadOnlyList<ParameterCombination> combinations,
        IProgress<SweepProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(combinations);
        var results = new SweepEvaluation[combinations.Count];
        Run(request, combinations, Enumerable.Range(0, combinations.Count).ToArray(), results, progress, 0, combinations.Count, cancellationToken);
        return results;
    }

    /// <summary>Runs the combinations at <paramref name="indices"/> into <paramref name="results"/> (the fast backends' fallback).</summary>
    internal static void Run(
        SweepRequest request,
        IReadOnlyList<ParameterCombination> combinations,
        IReadOnlyList<int> indices,
        SweepEvaluation[] results,
        IProgress<SweepProgress>? progress,
        int alreadyCompleted,
        int total,
        CancellationToken cancellationToken)
    {
        var completed = alreadyCompleted;
        var options = new ParallelOptions { MaxDegreeOfParallelism = request.Parallelism, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, indices.Count, options, k =>
            {
                var i = indices[k];
                var run = BacktestEngine.Run(request.SettingsFor(combinations[i]), request.Candles, null, cancellationToken);
                results[i] = new SweepEvaluation(run.Metrics, SweepEvaluator.Engine);
                progress?.Report(new SweepProgress(Interlocked.Increment(ref completed), total));
            });
        }
        catch (AggregateException failure) when (failure.InnerExceptions.Count > 0)
        {
            // Every run shares the settings and bars, so the first failure (bad bars, a cancelled token) is the reason.
            ExceptionDispatchInfo.Throw(failure.InnerExceptions[0]);
        }
    }
}
