using System.Diagnostics;
using System.Globalization;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Gpu;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Bench.Sweeps;

/// <summary>
/// <c>dotnet run -c Release --project bench/TradingPlatform.Bench.Sweeps [-- --bars N --engine-bars N]</c>: an SMA
/// crossover over N synthetic minute bars (default 100,000) and 500 combinations (fast 5…29 × slow 30…220 by 10,
/// shorts allowed, so every bar is in the market), on the fast CPU path, then the engine on a slice for the ratio, then
/// the GPU kernel if a CUDA device answers.
/// </summary>
internal static class SweepBench
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

    public static int Main(string[] args)
    {
        var bars = Option(args, "--bars", 100_000);
        var engineBars = Option(args, "--engine-bars", 20_000);
        var instrument = new Instrument
        {
            Symbol = "BENCH", Name = "Bench", Type = InstrumentType.Stock, BaseAsset = "BENCH", QuoteAsset = "USD",
            TickSize = 0.01m, LotSize = 1m, MinQuantity = 1m, MaxQuantity = 1_000_000m, Spread = 0.0002m,
            SlippageFactor = 0.00005m, SizeImpact = 0.000001m, MaxLeverage = 4, TopOfBookSize = 1_000_000m,
            AnnualVolatility = 0.3m, InitialPrice = 100m, Hours = TradingHours.AlwaysOpen, RandomSlippage = 0m,
        };
        var candles = Bars(instrument.Symbol, bars, seed: 7);
        var algorithm = StrategyAlgorithms.Find("sma_crossover")!;
        var grid = new ParameterGrid(algorithm, [ParameterRange.Range("fast", 5, 29, 1), ParameterRange.Range("slow", 30, 220, 10)],
            new Dictionary<string, double> { ["allowShort"] = 1 });
        var request = Request(algorithm, instrument, candles, grid);
        Console.WriteLine($"sweep: {grid.Count} combinations × {bars:N0} bars, {Environment.ProcessorCount} cores");

        ParameterSweep.Run(Request(algorithm, instrument, candles.Take(5_000).ToList(), grid), CrossoverSweepCpu.Exact); // JIT and tiering
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var fast = ParameterSweep.Run(request, CrossoverSweepCpu.Exact);
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var rate = (double)bars * fast.Rows.Count / seconds;
        // On a shared machine the wall clock includes other processes' time slices; CPU time is this sweep's own work.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fast-cpu: {seconds:F2} s wall, {rate:E3} bar-evaluations/s; {cpuSeconds:F2} s of CPU, {(double)bars * fast.Rows.Count / cpuSeconds:E3} per CPU-second; {fast.EvaluatedByEngine} combinations handed to the engine; best {fast.Best?.Combination} sharpe {fast.Best?.Metrics.Sharpe:F3}"));

        var slice = candles.Take(engineBars).ToList();
        var sample = grid.Expand().Combinations.Take(4).ToList();
        var sliceRequest = Request(algorithm, instrument, slice, grid);
        watch.Restart();
        foreach (var combination in sample)
        {
            BacktestEngine.Run(sliceRequest.SettingsFor(combination), sliceRequest.Candles);
        }

        var engineRate = (double)engineBars * sample.Count / watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine (one core): {engineRate:E3} bar-evaluations/s on {engineBars:N0} bars × {sample.Count}; fast path per CPU-second / engine = {(double)bars * fast.Rows.Count / cpuSeconds / engineRate:F0}×"));

        using var gpu = CrossoverSweepGpu.TryCreate(out var reason);
        if (gpu is null)
        {
            Console.WriteLine($"gpu: {reason}");
            return 0;
        }

        gpu.Evaluate(Request(algorithm, instrument, candles.Take(5_000).ToList(), grid), grid.Expand().Combinations, null, default);
        watch.Restart();
        var onGpu = ParameterSweep.Run(request, gpu);
        var gpuSeconds = watch.Elapsed.TotalSeconds;
        var same = onGpu.Rows.Zip(fast.Rows).All(p => p.First.Combination.Index == p.Second.Combination.Index && p.First.Metrics.FinalEquity == p.Second.Metrics.FinalEquity);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gpu ({gpu.Device}): {gpuSeconds:F2} s, {(double)bars * onGpu.Rows.Count / gpuSeconds:E3} bar-evaluations/s, same ranking and final equities as the CPU: {same}"));
        return same ? 0 : 1;
    }

    private static SweepRequest Request(StrategyAlgorithm algorithm, Instrument instrument, List<Candle> candles, ParameterGrid grid) => new()
    {
        Settings = new BacktestSettings
        {
            Parameters = algorithm.Bind(new Dictionary<string, double>(), out _)!, Risk = new RiskManagement(1m, 0m, 2m, 4m),
            Instruments = [instrument], Interval = CandleInterval.OneMinute, Start = Start,
            End = Start + (CandleInterval.OneMinute.Duration * candles.Count), InitialBalance = 100_000m,
        },
        Candles = new Dictionary<string, IReadOnlyList<Candle>> { [instrument.Symbol] = candles },
        Grid = grid,
    };

    /// <summary>A seeded random walk with regimes, on a 0.01 grid.</summary>
    private static List<Candle> Bars(string symbol, int count, int seed)
    {
        var random = new Random(seed);
        var bars = new List<Candle>(count);
        var close = 100.0;
        var drift = 0.0;
        for (var i = 0; i < count; i++)
        {
            if (i % 500 == 0)
            {
                drift = (random.NextDouble() - 0.5) * 0.0004;
            }

            var open = close * (1 + (Normal(random) * 0.0002));
            var next = open * (1 + drift + (Normal(random) * 0.001));
            var high = Math.Max(open, next) * (1 + (Math.Abs(Normal(random)) * 0.0005));
            var low = Math.Min(open, next) * (1 - (Math.Abs(Normal(random)) * 0.0005));
            bars.Add(new Candle(symbol, CandleInterval.OneMinute, Start.AddMinutes(i), P(open), P(high), P(low), P(next), 1000m));
            close = next;
        }

        return bars;
    }

    private static decimal P(double value) => Math.Max(0.01m, Math.Round((decimal)value, 2));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
