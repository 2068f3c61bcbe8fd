using System.Globalization;
using TradingPlatform.Trading.Optimization.FastPath;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// The fast CPU sweep of the SMA and EMA crossovers: one pass over the bars per combination (<see
/// cref="CrossoverSimulation{TBars}"/>), the moving averages computed once per distinct period, the combinations spread
/// over every core. It reproduces the engine's figures exactly (money to the cent, ratios to about 1e-15) because
/// every price, quantity and amount is an exact integer of ticks, lots and cents; a combination that meets something
/// it does not reproduce (an order larger than the top of the book, a decision the engine's decimals make inexactly) is
/// run on the engine instead, and a sweep it cannot run at all (another algorithm, several instruments) runs on the
/// engine whole. The seeded random part of slippage, keyed on the engine's order ids, cannot be reproduced: with
/// <see cref="Exact"/> an instrument must have <see cref="Instruments.Instrument.RandomSlippage"/> = 0 (else the
/// engine runs), with <see cref="Approximate"/> the fast path models it by its mean, 0.
/// </summary>
public sealed class CrossoverSweepCpu(bool approximateRandomSlippage) : ISweepBackend
{
    /// <summary>Runs on the fast path only where it equals the engine.</summary>
    public static CrossoverSweepCpu Exact { get; } = new(false);

    /// <summary>Also runs instruments with random slippage, modelled by its mean (figures close to the engine's, not equal).</summary>
    public static CrossoverSweepCpu Approximate { get; } = new(true);

    public string Name => "fast-cpu";

    /// <summary>
    /// How far <see cref="Approximate"/>'s final equity may lie from the engine's (docs/parameter-sweeps.md): each fill's
    /// price is off by at most the random fraction, so the first-order bound is that fraction of the traded notional
    /// (entries and exits, of the engine's trades). Doubled for the second-order effect: sizing from an equity that
    /// differs by that much scales each trade's P&amp;L by the same small fraction, which adds less than the first term
    /// while the sum of the trades' absolute P&amp;L stays below the equity. A fixed percentage of the final equity
    /// would ignore the number of fills.
    /// </summary>
    public static decimal ApproximationBound(decimal randomSlippage, IEnumerable<(decimal Quantity, decimal EntryPrice, decimal ExitPrice)> trades) =>
        2m * randomSlippage * trades.Sum(t => t.Quantity * (t.EntryPrice + t.ExitPrice));

    public bool ApproximatesRandomSlippage => approximateRandomSlippage;

    /// <summary>Why this backend would hand the whole sweep to the engine, or null when it runs it.</summary>
    public string? Unsupported(SweepRequest request) => CrossoverPlan.Unsupported(request, approximateRandomSlippage);

    public IReadOnlyList<SweepEvaluation> Evaluate(
        SweepRequest request,
        IReadOnlyList<ParameterCombination> combinations,
        IProgress<SweepProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(combinations);
        if (!CrossoverPlan.TryCreate(request, combinations, approximateRandomSlippage, cancellationToken, out var plan, out _))
        {
            return EngineSweep.Instance.Evaluate(request, combinations, progress, cancellationToken);
        }

        var bars = new ArrayCrossoverBars(plan!.Market, plan.Indicators);
        var accumulators = new CrossoverAccumulators[combinations.Count];
        var reporter = new ProgressReporter(progress, combinations.Count);
        var options = new ParallelOptions { MaxDegreeOfParallelism = request.Parallelism, CancellationToken = cancellationToken };
        Parallel.For(0, combinations.Count, options, i =>
        {
            accumulators[i] = CrossoverSimulation<ArrayCrossoverBars>.Run(bars, plan.Constants, plan.Combinations[i]);
            reporter.Completed(1);
        });
        return Finish(request, combinations, plan, accumulators, SweepEvaluator.FastCpu, cancellationToken);
    }

    /// <summary>The notes a result carries about how exact this backend's figures are for <paramref name="request"/>.</summary>
    public IReadOnlyList<string> NotesFor(SweepRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Unsupported(request) is { } reason)
        {
            return [$"Run on the full engine: {reason}."];
        }

        var noise = request.Settings.Instruments[0].RandomSlippage;
        return noise == 0m
            ? []
            : [string.Create(CultureInfo.InvariantCulture,
                $"The fast path models the ±{noise:P2} random slippage by its mean (0): figures differ from the engine's by that noise (see docs/parameter-sweeps.md); the best combination's re-run is the engine's.")];
    }

    /// <summary>Turns the runs into metrics and re-runs on the engine every combination the fast path gave back (shared with the GPU backend).</summary>
    internal static IReadOnlyList<SweepEvaluation> Finish(
        SweepRequest request,
        IReadOnlyList<ParameterCombination> combinations,
        CrossoverPlan plan,
        CrossoverAccumulators[] accumulators,
        SweepEvaluator evaluator,
        CancellationToken cancellationToken)
    {
        var results = new SweepEvaluation[combinations.Count];
        var fallback = new List<int>();
        for (var i = 0; i < accumulators.Length; i++)
        {
            if (accumulators[i].Status == FastPathStatus.Exact)
            {
                results[i] = new SweepEvaluation(BacktestMetricsOnline.ToMetrics(accumulators[i], plan.Context), evaluator);
            }
            else
            {
                fallback.Add(i);
            }
        }

        if (fallback.Count > 0)
        {
            EngineSweep.Run(request, combinations, fallback, results, null, 0, fallback.Count, cancellationToken);
        }

        return results;
    }
}
