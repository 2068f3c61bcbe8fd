using System.Diagnostics;
using TradingPlatform.Bench.Backtest;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

// A measurement, not a test: it exits 0 whatever the figures, and non-zero only when a run fails (or is not
// deterministic, which would make the figures meaningless).
var options = BenchOptions.Parse(args);
const double TargetBarsPerSecond = 10_000_000;

// ---- Single backtest: SMA(10/30) crossover over one-minute BTC-USD bars through the full engine -------------------
var instrument = InstrumentCatalog.Find("BTC-USD") ?? throw new InvalidOperationException("BTC-USD is not in the catalog.");
var from = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
var to = from.AddMinutes(options.Bars);
Console.WriteLine($"backtest benchmark: SMA(10/30) crossover, {options.Bars:N0} one-minute {instrument.Symbol} bars, single-threaded, {options.Runs} timed runs after a warm-up");
Console.WriteLine($"runtime {Environment.Version}, {Environment.ProcessorCount} logical CPUs, server GC {System.Runtime.GCSettings.IsServerGC}");

var generation = Stopwatch.StartNew();
IReadOnlyList<Candle> bars = [.. HistoryGenerator.GenerateMinutes(instrument, from, to, options.Seed)];
generation.Stop();
Console.WriteLine($"generated {bars.Count:N0} bars with HistoryGenerator (seed {options.Seed}) in {generation.Elapsed.TotalSeconds:0.0} s (not timed)");

var parameters = StrategyAlgorithms.Find("sma_crossover")!.Bind(new Dictionary<string, double> { ["fast"] = 10, ["slow"] = 30 }, out var errors)
    ?? throw new InvalidOperationException(string.Join("; ", errors.Select(e => e.Message)));
var settings = new BacktestSettings
{
    Parameters = parameters, Risk = RiskManagement.Default, Instruments = [instrument], Interval = CandleInterval.OneMinute,
    Start = from, End = to, InitialBalance = 100_000m, Seed = new Guid("5b0d7c1e-2f4a-4e8b-9c3d-6a1f0e2b7c48"),
};
var candles = new Dictionary<string, IReadOnlyList<Candle>> { [instrument.Symbol] = bars };

var warmUp = Stopwatch.StartNew();
var reference = BacktestEngine.Run(settings, candles);
warmUp.Stop();
Console.WriteLine($"warm-up run: {warmUp.Elapsed.TotalMilliseconds:N0} ms; {reference.Metrics.TotalTrades:N0} trades, {reference.Fills.Count:N0} fills, " +
    $"{reference.Signals.Count:N0} signals, fees {reference.Metrics.FeesPaid:N2} USD, final equity {reference.Metrics.FinalEquity:N2} USD " +
    $"(from {settings.InitialBalance:N2}), {reference.Equity.Count:N0} equity points");
var fingerprint = ResultFingerprint.Of(reference);
Console.WriteLine($"result fingerprint (SHA-256 of metrics, fills, orders, actions and equity points; an optimisation must leave it unchanged): {fingerprint}");

var seconds = new List<double>();
var allocated = new List<long>();
var cpuSeconds = new List<double>();
for (var run = 1; run <= options.Runs; run++)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
    var gen0Before = GC.CollectionCount(0);
    var pauseBefore = GC.GetTotalPauseDuration();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var result = BacktestEngine.Run(settings, candles);
    watch.Stop();
    // CPU time of the process (the run is single-threaded, the GC workstation and non-concurrent): less disturbed than
    // the wall clock when other work shares the cores.
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var pause = GC.GetTotalPauseDuration() - pauseBefore;
    cpuSeconds.Add(cpu.TotalSeconds);
    var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
    seconds.Add(watch.Elapsed.TotalSeconds);
    allocated.Add(bytes);
    Console.WriteLine($"run {run}: {watch.Elapsed.TotalMilliseconds,8:N1} ms  {bars.Count / watch.Elapsed.TotalSeconds,14:N0} bars/s  " +
        $"CPU {cpu.TotalMilliseconds,8:N1} ms  allocated {bytes / (1024.0 * 1024):N1} MiB ({(double)bytes / bars.Count:N0} B/bar), gen0 GCs {GC.CollectionCount(0) - gen0Before} pausing {pause.TotalMilliseconds:N1} ms");
    if (ResultFingerprint.Of(result) != fingerprint)
    {
        Console.Error.WriteLine($"run {run} differs from the warm-up run: the engine is not deterministic, so these figures mean nothing.");
        return 1;
    }
}

var rates = seconds.Select(s => bars.Count / s).Order().ToList();
var median = Median(rates);
Console.WriteLine();
Console.WriteLine($"single backtest        {median,14:N0} bars/s   target >= {TargetBarsPerSecond:N0} bars/s   {(median >= TargetBarsPerSecond ? "met" : "MISSED")}" +
    $"   runs {rates[0]:N0}–{rates[^1]:N0} bars/s; median {Median([.. seconds.Order()]) * 1000:N1} ms per {bars.Count:N0} bars (target 100 ms); " +
    $"median allocation {Median([.. allocated.Select(b => (double)b).Order()]) / bars.Count:N0} B/bar");
Console.WriteLine($"  by CPU time          {bars.Count / Median([.. cpuSeconds.Order()]),14:N0} bars/s   (median; runs {bars.Count / cpuSeconds.Max():N0}–{bars.Count / cpuSeconds.Min():N0}): what the engine does, with less of the noise of a shared machine");
Console.WriteLine($"  it traded: {reference.Metrics.TotalTrades:N0} trades, final equity {reference.Metrics.FinalEquity:N2} USD, fees {reference.Metrics.FeesPaid:N2} USD, " +
    $"slippage {reference.Metrics.SlippagePaid:N2} USD, exposure {reference.Metrics.Exposure:P1}");

if (options.Allocations)
{
    // One more run with the runtime's allocation sampling on (not timed: the listener slows the run down).
    using var sampler = new AllocationSampler();
    GC.Collect();
    sampler.Start();
    _ = BacktestEngine.Run(settings, candles);
    var top = sampler.Stop();
    var sampled = top.Sum(t => t.Bytes);
    Console.WriteLine();
    Console.WriteLine($"allocations of one run by type (sampled every ~100 KB; {sampled / (1024.0 * 1024):N0} MiB sampled):");
    foreach (var (type, bytes) in top.Take(15))
    {
        Console.WriteLine($"  {100.0 * bytes / sampled,5:0.0} %  {bytes / (1024.0 * 1024),8:N1} MiB  {type}");
    }
}

// ---- Parameter sweep: 10,000 combinations over 100,000 bars, CPU fast path on every core, then the GPU -----------
// (targets: >= 2×10^8 bar-evaluations/s on the CPU, >= 10^10 on a GPU); see SweepSection.
return options.Sweep ? SweepSection.Run(options, instrument, from) : 0;

static double Median(IReadOnlyList<double> sorted) =>
    sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
