using System.Diagnostics;
using System.Globalization;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Gpu;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Bench.Backtest;

/// <summary>
/// The parameter-sweep section: an SMA-crossover grid of <see cref="BenchOptions.SweepCombinations"/> valid
/// combinations (10,000 by default: fast 1..100 × slow 101..200, every point valid because slow &gt; fast) over
/// <see cref="BenchOptions.SweepBars"/> one-minute BTC-USD bars (100,000 by default), on the exact CPU fast path on every
/// core, then on a CUDA GPU where one answers. Bar-evaluations per second = bars × combinations ÷ seconds, the median of
/// <see cref="BenchOptions.SweepRuns"/> timed runs after a warm-up on a short slice.
/// </summary>
internal static class SweepSection
{
    private const double CpuTarget = 2e8;
    private const double GpuTarget = 1e10;

    public static int Run(BenchOptions options, Instrument catalogInstrument, DateTimeOffset from)
    {
        // The exact fast path reproduces the engine only without the seeded random part of slippage (keyed on the
        // engine's order ids); with it, CrossoverSweepCpu.Exact would hand the whole sweep to the engine.
        var instrument = catalogInstrument with { RandomSlippage = 0m };
        var algorithm = StrategyAlgorithms.Find("sma_crossover")!;
        var (fastCount, slowCount) = Shape(options.SweepCombinations);
        var grid = new ParameterGrid(algorithm,
            [ParameterRange.Range("fast", 1, fastCount, 1), ParameterRange.Range("slow", 101, 100 + slowCount, 1)],
            maxCombinations: Math.Max(ParameterGrid.DefaultMaxCombinations, options.SweepCombinations));
        var expansion = grid.Expand();
        var combinations = expansion.Combinations.Count;

        Console.WriteLine();
        Console.WriteLine($"sweep benchmark: SMA crossover, grid fast 1..{fastCount} × slow 101..{100 + slowCount} = {combinations:N0} valid combinations " +
            $"({expansion.Total:N0} grid points, {expansion.Skipped:N0} skipped as slow <= fast), {options.SweepBars:N0} one-minute {instrument.Symbol} bars " +
            $"(random slippage 0, as the exact fast path needs), {options.SweepRuns} timed runs after a warm-up, {Environment.ProcessorCount} cores");

        var generation = Stopwatch.StartNew();
        List<Candle> bars = [.. HistoryGenerator.GenerateMinutes(instrument, from, from.AddMinutes(options.SweepBars), options.Seed)];
        generation.Stop();
        Console.WriteLine($"generated {bars.Count:N0} bars with HistoryGenerator (seed {options.Seed}) in {generation.Elapsed.TotalSeconds:0.0} s (not timed)");
        var request = Request(algorithm, instrument, from, bars, grid);
        var evaluations = (double)bars.Count * combinations;

        var warmUp = Stopwatch.StartNew();
        ParameterSweep.Run(Request(algorithm, instrument, from, bars.Take(Math.Min(5_000, bars.Count)).ToList(), grid), CrossoverSweepCpu.Exact);
        Console.WriteLine($"warm-up sweep on {Math.Min(5_000, bars.Count):N0} bars: {warmUp.Elapsed.TotalSeconds:0.00} s (JIT and tiering; not timed)");

        var wall = new List<double>();
        var cpu = new List<double>();
        SweepResult? reference = null;
        for (var run = 1; run <= options.SweepRuns; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var progress = new PhaseClock();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            progress.Start();
            var result = ParameterSweep.Run(request, CrossoverSweepCpu.Exact, progress);
            var seconds = progress.Elapsed;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            wall.Add(seconds);
            cpu.Add(cpuSeconds);
            // Phases from the backend's progress reports (about one per 1 % of the combinations): before the first
            // report, the grid expansion, the bars' integer market and the indicator table (one SMA row per distinct
            // period) plus the first 1 % of the simulations; between the first and the last, the simulations; after
            // the last, metrics, any engine re-runs and the ranking.
            var (first, firstDone, last) = progress.Phases();
            var simulation = (last - first) * combinations / Math.Max(1, combinations - firstDone);
            var setup = Math.Max(0, last - simulation);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: wall {seconds,6:F2} s  CPU {cpuSeconds,6:F2} s ({cpuSeconds / seconds:F2} cores)  {evaluations / seconds,14:N0} bar-evaluations/s; " +
                $"setup (market, indicator table) ~{setup:F2} s, simulations ~{simulation:F2} s, metrics and ranking {seconds - last:F2} s; " +
                $"{result.EvaluatedByEngine} combinations handed to the engine"));
            if (reference is null)
            {
                reference = result;
            }
            else if (!SameTable(reference, result))
            {
                Console.Error.WriteLine($"sweep run {run} ranks differently from run 1: the fast path is not deterministic, so these figures mean nothing.");
                return 1;
            }
        }

        var best = reference!.Best;
        var medianWall = Median(wall);
        var medianCpu = Median(cpu);
        var rate = evaluations / medianWall;
        Console.WriteLine();
        Console.WriteLine($"sweep on the CPU       {rate,14:N0} bar-evaluations/s   target >= {CpuTarget:N0}   {(rate >= CpuTarget ? "met" : "MISSED")}" +
            $"   median wall {medianWall:F2} s for {combinations:N0} × {bars.Count:N0} bars (runs {evaluations / wall.Max():N0}–{evaluations / wall.Min():N0})");
        Console.WriteLine($"  by CPU time          {evaluations / medianCpu,14:N0} bar-evaluations per CPU-second   median CPU {medianCpu:F2} s ({medianCpu / medianWall:F2} of {Environment.ProcessorCount} cores busy)");
        Console.WriteLine(best is null
            ? "  best: no combination met the constraints"
            : string.Create(CultureInfo.InvariantCulture,
                $"  best by {reference.Objective}: {best.Combination} sharpe {best.Metrics.Sharpe:F3}, final equity {best.Metrics.FinalEquity:N2} USD, {best.Metrics.TotalTrades:N0} trades; {reference.EvaluatedByEngine} combinations handed to the engine"));

        return Gpu(options, request, reference, evaluations);
    }

    private static int Gpu(BenchOptions options, SweepRequest request, SweepResult cpu, double evaluations)
    {
        CrossoverSweepGpu? gpu;
        string reason;
        try
        {
            gpu = CrossoverSweepGpu.TryCreate(out reason);
        }
        catch (Exception failure)
        {
            gpu = null;
            reason = $"{failure.GetType().Name}: {failure.Message}";
        }

        if (gpu is null)
        {
            Console.WriteLine($"gpu: no CUDA device here ({reason}); run on a machine with an NVIDIA GPU (target >= {GpuTarget:N0} bar-evaluations/s)");
            return 0;
        }

        using (gpu)
        {
            var bars = request.Candles.Values.Single();
            var slice = bars.Take(Math.Min(5_000, bars.Count)).ToList();
            ParameterSweep.Run(request with { Candles = new Dictionary<string, IReadOnlyList<Candle>> { [request.Settings.Instruments[0].Symbol] = slice }, Settings = request.Settings with { End = slice[^1].OpenTime.AddMinutes(1) } }, gpu);
            var seconds = new List<double>();
            SweepResult? result = null;
            for (var run = 1; run <= options.SweepRuns; run++)
            {
                var watch = Stopwatch.StartNew();
                result = ParameterSweep.Run(request, gpu);
                seconds.Add(watch.Elapsed.TotalSeconds);
                Console.WriteLine($"gpu run {run}: {watch.Elapsed.TotalSeconds,6:F3} s  {evaluations / watch.Elapsed.TotalSeconds,18:N0} bar-evaluations/s");
            }

            var rate = evaluations / Median(seconds);
            var sameBest = cpu.Best?.Combination.Index == result!.Best?.Combination.Index
                && cpu.Best?.Metrics.FinalEquity == result.Best?.Metrics.FinalEquity;
            var sameTable = SameTable(cpu, result);
            Console.WriteLine($"sweep on the GPU       {rate,14:N0} bar-evaluations/s   target >= {GpuTarget:N0}   {(rate >= GpuTarget ? "met" : "MISSED")}   ({gpu.Device}; includes the copy of bars and indicator table to the device)");
            Console.WriteLine($"  same best row as the CPU: {sameBest}; same ranking and final equities: {sameTable}");
            if (!sameBest || !sameTable)
            {
                Console.Error.WriteLine("the GPU and the CPU disagree: the GPU figure means nothing.");
                return 1;
            }

            return 0;
        }
    }

    /// <summary>fast × slow with fast ≤ 100 and slow ≤ 4,900 (slow 101.. stays inside its spec), their product exactly <paramref name="combinations"/>.</summary>
    private static (int Fast, int Slow) Shape(int combinations)
    {
        for (var fast = Math.Min(100, combinations); fast >= 1; fast--)
        {
            if (combinations % fast == 0 && combinations / fast <= 4_900)
            {
                return (fast, combinations / fast);
            }
        }

        throw new ArgumentException($"--sweep-combinations {combinations} is not fast × slow with fast <= 100 and slow <= 4,900.");
    }

    private static SweepRequest Request(StrategyAlgorithm algorithm, Instrument instrument, DateTimeOffset from, List<Candle> bars, ParameterGrid grid) => new()
    {
        Settings = new BacktestSettings
        {
            Parameters = algorithm.Bind(new Dictionary<string, double>(), out _)!, Risk = RiskManagement.Default, Instruments = [instrument],
            Interval = CandleInterval.OneMinute, Start = from, End = from.AddMinutes(bars.Count), InitialBalance = 100_000m,
            Seed = new Guid("5b0d7c1e-2f4a-4e8b-9c3d-6a1f0e2b7c48"),
        },
        Candles = new Dictionary<string, IReadOnlyList<Candle>> { [instrument.Symbol] = bars },
        Grid = grid,
    };

    private static bool SameTable(SweepResult a, SweepResult b) =>
        a.Rows.Count == b.Rows.Count
        && a.Rows.Zip(b.Rows).All(p => p.First.Combination.Index == p.Second.Combination.Index && p.First.Metrics.FinalEquity == p.Second.Metrics.FinalEquity);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Times a sweep's progress reports (from any thread) against one stopwatch: the first and the last.</summary>
    private sealed class PhaseClock : IProgress<SweepProgress>
    {
        private readonly Stopwatch _watch = new();
        private readonly Lock _gate = new();
        private double _first = double.NaN;
        private int _firstDone;
        private double _last;

        public double Elapsed => _watch.Elapsed.TotalSeconds;

        public void Start() => _watch.Restart();

        public void Report(SweepProgress value)
        {
            var now = _watch.Elapsed.TotalSeconds;
            lock (_gate)
            {
                if (double.IsNaN(_first))
                {
                    (_first, _firstDone) = (now, value.Completed);
                }

                _last = Math.Max(_last, now);
            }
        }

        public (double First, int FirstDone, double Last) Phases()
        {
            lock (_gate)
            {
                return (double.IsNaN(_first) ? 0 : _first, _firstDone, _last);
            }
        }
    }
}
