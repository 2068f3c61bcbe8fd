using System.Diagnostics;
using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// Runs a sweep end to end: expands the grid, evaluates every valid combination on a backend (by default the crossover
/// fast path where it reproduces the engine exactly, the engine otherwise), ranks the table and, on request, re-runs the
/// best combination through the full engine so that its orders, fills, trades and equity curve are the engine's own.
/// </summary>
public static class ParameterSweep
{
    public static SweepResult Run(
        SweepRequest request,
        ISweepBackend? backend = null,
        IProgress<SweepProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        backend ??= CrossoverSweepCpu.Exact;
        var watch = Stopwatch.StartNew();
        var grid = request.Grid.Expand();
        var evaluations = grid.Combinations.Count == 0
            ? []
            : backend.Evaluate(request, grid.Combinations, progress, cancellationToken);
        var rows = SweepRanking.Rank(grid.Combinations, evaluations, request.Objective, request.Constraints);
        var notes = backend is CrossoverSweepCpu cpu ? cpu.NotesFor(request) : [];
        return new SweepResult(rows, request.Grid, grid.Total, grid.Skipped, request.Objective, request.Constraints, backend.Name, watch.Elapsed, notes);
    }

    /// <summary>The ranked table plus the full-engine result of the best combination (null when none met the constraints).</summary>
    public static SweepOutcome RunWithBest(
        SweepRequest request,
        ISweepBackend? backend = null,
        IProgress<SweepProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var table = Run(request, backend, progress, cancellationToken);
        var best = table.Best is { } row
            ? BacktestEngine.Run(request.SettingsFor(row.Combination), request.Candles, null, cancellationToken)
            : null;
        return new SweepOutcome(table, best);
    }
}
