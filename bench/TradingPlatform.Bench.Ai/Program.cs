using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.AiService.Forecasting.MonteCarlo;
using TradingPlatform.AiService.Inference;
using TradingPlatform.AiService.Sentiment;
using TradingPlatform.AiService.Training;
using TradingPlatform.Forecasting.Gpu;
using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Onnx;

// A measurement, not a test: it exits 0 whatever the figures, and non-zero only when a run fails.
const double TargetP99Ms = 2.0;
const double TargetSentencesPerSecond = 250;
const int LatencyCalls = 2_000;
const int WarmUpCalls = 200;

var execution = new OnnxExecution(Options.Create(new InferenceOptions()), NullLogger<OnnxExecution>.Instance);
Console.WriteLine("AI benchmark: the AiService's ForecastService and MiniLmSentimentModel in process (no HTTP, no database)");
Console.WriteLine($"runtime {Environment.Version}, {Environment.ProcessorCount} logical CPUs; ONNX Runtime {execution.Info.OnnxRuntimeVersion} on {execution.Provider}" +
    (execution.FallbackReason is null ? "" : $" ({execution.FallbackReason})"));

// ---- N-BEATS: the AiService's default network (TrainingRequest's defaults), untrained, fixed seed -----------------
// Weights do not change the cost of a forward pass, so the network is not trained: generic, lookback 60, horizon 10,
// 2 stacks × 2 blocks × 2 layers × 64 units, seed 42, exported with the project's exporter and served as the
// AiService serves a registry model (OnnxExecution.CreateSession, ServingModel, ActiveModels, ForecastService).
var networkOptions = new TrainingRequest().NetworkOptions();
var network = new NBeatsNetwork(networkOptions);
var onnx = NBeatsOnnxExporter.Export(network, new NBeatsOnnxMetadata { Name = "nbeats-BENCH-1m", Version = 1 });
var halfWidths = Enumerable.Range(1, networkOptions.Horizon).Select(h => 0.001 * Math.Sqrt(h)).ToArray();
var model = new ForecastModel
{
    Id = Guid.NewGuid(), Name = "nbeats-BENCH-1m", Version = 1, Symbol = "BENCH", Interval = "1m",
    Lookback = networkOptions.Lookback, Horizon = networkOptions.Horizon, StackType = "generic", HyperParameters = "{}",
    DataStart = DateTimeOffset.UnixEpoch, DataEnd = DateTimeOffset.UnixEpoch, Metrics = "{}",
    IntervalHalfWidths = System.Text.Json.JsonSerializer.Serialize(halfWidths), IntervalLevel = 0.8, Onnx = onnx,
    FileHash = Convert.ToHexStringLower(SHA256.HashData(onnx)), TrainingRunId = Guid.Empty, Decision = "benchmark",
    CreatedAt = DateTimeOffset.UnixEpoch, IsActive = true,
};
var serving = new ServingModel(model, execution.CreateSession(onnx));
using var scopes = new ServiceCollection().BuildServiceProvider();
using var active = new ActiveModels(scopes.GetRequiredService<IServiceScopeFactory>(), execution, TimeProvider.System, NullLogger<ActiveModels>.Instance);
active.Serve(serving);
// Never opened: every request below carries its history, so ForecastService reads no stored closes.
using var db = new AiDbContext(new DbContextOptionsBuilder<AiDbContext>().UseNpgsql("Host=unused").Options);
// The engine the AiService registers: the ILGPU kernel on CUDA when a device answers, plain C# on every core otherwise.
using var engine = MonteCarloEngine.Create();
var monteCarlo = new MonteCarloForecaster(engine);
var service = new ForecastService(active, execution, db, monteCarlo);
Console.WriteLine($"N-BEATS {networkOptions.StackType}: lookback {networkOptions.Lookback}, horizon {networkOptions.Horizon}, " +
    $"{networkOptions.Stacks} stacks × {networkOptions.BlocksPerStack} blocks × {networkOptions.LayersPerBlock} layers × {networkOptions.HiddenUnits} units, " +
    $"untrained (seed {networkOptions.Seed}); ONNX {onnx.Length / 1024.0:N0} KiB; histories: random-walk closes (seed 7)");

var random = new Random(7);
var histories = Enumerable.Range(0, 256).Select(_ => RandomWalk(random, networkOptions.Lookback + 20)).ToArray();
var one = new[] { Request(histories[0]) };

for (var i = 0; i < WarmUpCalls; i++)
{
    Check(await service.ForecastAsync([Request(histories[i % histories.Length])], CancellationToken.None));
}

var serviceMs = new double[LatencyCalls];
for (var i = 0; i < LatencyCalls; i++)
{
    var request = new[] { Request(histories[i % histories.Length]) };
    var start = Stopwatch.GetTimestamp();
    var result = await service.ForecastAsync(request, CancellationToken.None);
    serviceMs[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    Check(result);
}

// The breakdown: ServingModel.Run alone (tensor set-up + ONNX Run + copying the output), the rest is ForecastService's
// checks, copying the history and the intervals.
var input = histories[0][^networkOptions.Lookback..].Select(p => (float)p).ToArray();
for (var i = 0; i < WarmUpCalls; i++)
{
    _ = serving.Run(input, 1);
}

var runMs = new double[LatencyCalls];
for (var i = 0; i < LatencyCalls; i++)
{
    var start = Stopwatch.GetTimestamp();
    _ = serving.Run(input, 1);
    runMs[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}

Array.Sort(serviceMs);
Array.Sort(runMs);
var p99 = Percentile(serviceMs, 0.99);

var batchRates = new List<(int Batch, double PerSecond)>();
foreach (var batch in new[] { 64, 256 })
{
    var requests = Enumerable.Range(0, batch).Select(i => Request(histories[i % histories.Length])).ToArray();
    for (var i = 0; i < 20; i++)
    {
        Check(await service.ForecastAsync(requests, CancellationToken.None));
    }

    var calls = batch == 64 ? 300 : 100;
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < calls; i++)
    {
        Check(await service.ForecastAsync(requests, CancellationToken.None));
    }

    watch.Stop();
    batchRates.Add((batch, batch * calls / watch.Elapsed.TotalSeconds));
}

Console.WriteLine();
Console.WriteLine($"forecast, 1 series      p50 {Percentile(serviceMs, 0.5),7:N3} ms  p99 {p99,7:N3} ms  mean {serviceMs.Average(),7:N3} ms   target p99 < {TargetP99Ms} ms   " +
    $"{(p99 < TargetP99Ms ? "met" : "MISSED")}   ({LatencyCalls:N0} ForecastService calls after {WarmUpCalls} warm-up, {execution.Provider})");
Console.WriteLine($"  of which ServingModel.Run p50 {Percentile(runMs, 0.5),7:N3} ms  p99 {Percentile(runMs, 0.99),7:N3} ms  mean {runMs.Average(),7:N3} ms   (tensor set-up + ONNX Run + output copy; the rest: checks, history copy, intervals)");
foreach (var (batch, perSecond) in batchRates)
{
    Console.WriteLine($"forecast, batch {batch,3}     {perSecond,12:N0} series/s   (one ForecastService call of {batch} series = one ONNX batch; {1000.0 * batch / perSecond:N2} ms a call)");
}

// ---- Monte Carlo: 100,000 paths × horizon 10 around one forecast, as a request's monteCarlo block runs them ----------
const int MonteCarloPaths = 100_000;
const int MonteCarloRuns = 5;
var mcForecast = Enumerable.Range(1, networkOptions.Horizon).Select(h => histories[0][^1] * (1 + (0.0001 * h))).ToArray();
var mcRequest = new ForecastMonteCarloRequest(MonteCarloPaths, 7, [0.05, 0.95], histories[0][^1] * 0.99, histories[0][^1] * 1.01);
_ = monteCarlo.Simulate(histories[0][^1], mcForecast, halfWidths, 0.8, mcRequest);
var mcWatch = Stopwatch.StartNew();
for (var i = 0; i < MonteCarloRuns; i++)
{
    _ = monteCarlo.Simulate(histories[0][^1], mcForecast, halfWidths, 0.8, mcRequest with { Seed = (ulong)i });
}

mcWatch.Stop();
Console.WriteLine($"monte carlo             {MonteCarloPaths * MonteCarloRuns / mcWatch.Elapsed.TotalSeconds,12:N0} paths/s   ({MonteCarloPaths:N0} paths × horizon {networkOptions.Horizon}, " +
    $"{1000 * mcWatch.Elapsed.TotalSeconds / MonteCarloRuns:N1} ms a run with the per-step sort, VaR/ES and barriers; on {engine.Backend}: {engine.DeviceName}" +
    (engine.GpuUnavailableReason is null ? ")" : $"; {engine.GpuUnavailableReason})"));

// ---- Sentiment: the default model, MiniLM encoder + the platform's softmax head -----------------------------------
using var sentiment = new MiniLmSentimentModel(execution, NullLogger<MiniLmSentimentModel>.Instance);
var training = Stopwatch.StartNew();
var trained = await sentiment.TrainedAsync;
training.Stop();
Console.WriteLine();
Console.WriteLine($"sentiment head trained in {training.Elapsed.TotalSeconds:N1} s (the corpus's {SentimentCorpus.Examples.Count:N0} sentences encoded, not timed): " +
    $"test accuracy {trained.TestScores.Accuracy:P1}, macro-F1 {trained.TestScores.MacroF1:F3}");
// Short sentences: the corpus's of at most 90 characters (a headline's length; the corpus's median is about 100).
var texts = SentimentCorpus.Examples.Select(e => e.Text).Where(t => t.Length <= 90).Take(512).ToArray();
Console.WriteLine($"sentences: the corpus's first {texts.Length} of at most 90 characters (mean {texts.Average(t => t.Length):N0}), " +
    "batches of 64 as PredictAsync gets them, a warm-up pass and two timed passes");
var sentences = Rate(texts, 64, batch => sentiment.PredictAsync(batch, CancellationToken.None));
var encoder = Rate(texts, 64, batch => Task.FromResult<object>(sentiment.Encoder.Encode(batch)));
Console.WriteLine($"sentiment (MiniLM+head) {sentences.PerSecond,12:N0} sentences/s   target >= {TargetSentencesPerSecond:N0}/s   " +
    $"{(sentences.PerSecond >= TargetSentencesPerSecond ? "met" : "MISSED")}   (PredictAsync, {execution.Provider})");
Console.WriteLine($"  MiniLM encoder alone  {encoder.PerSecond,12:N0} sentences/s   (MiniLmEncoder.Encode, for comparison)");
// By CPU time: what the process did per CPU-second, times the cores, is the rate if the cores were all this
// process's (ONNX Runtime's intra-op threads use every core); less disturbed when other work shares the machine.
Console.WriteLine($"  by CPU time           {sentences.PerCpuSecond * Environment.ProcessorCount,12:N0} sentences/s with the head, {encoder.PerCpuSecond * Environment.ProcessorCount:N0}/s the encoder alone " +
    $"({sentences.PerCpuSecond:N0} and {encoder.PerCpuSecond:N0} per CPU-second × {Environment.ProcessorCount} cores)");
Console.WriteLine($"execution provider      {execution.Provider}" + (execution.FallbackReason is null ? "" : $"   ({execution.FallbackReason})"));
return 0;

static double[] RandomWalk(Random random, int length)
{
    var prices = new double[length];
    var price = 100 + (random.NextDouble() * 50);
    for (var i = 0; i < length; i++)
    {
        price *= Math.Exp(0.001 * ((random.NextDouble() * 2) - 1));
        prices[i] = price;
    }

    return prices;
}

static ForecastRequest Request(double[] history) => new("BENCH", "1m", history, null);

static void Check(IReadOnlyList<(ForecastResponse? Forecast, ForecastProblem? Problem)> results)
{
    foreach (var (forecast, problem) in results)
    {
        if (forecast is null)
        {
            throw new InvalidOperationException($"The forecast failed: {problem?.Message}");
        }
    }
}

static double Percentile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

static (double PerSecond, double PerCpuSecond) Rate<T>(string[] texts, int batch, Func<string[], Task<T>> run)
{
    // Warm-up pass, then two timed passes over all the texts.
    foreach (var chunk in texts.Chunk(batch))
    {
        _ = run(chunk).GetAwaiter().GetResult();
    }

    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    for (var pass = 0; pass < 2; pass++)
    {
        foreach (var chunk in texts.Chunk(batch))
        {
            _ = run(chunk).GetAwaiter().GetResult();
        }
    }

    watch.Stop();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    return (2 * texts.Length / watch.Elapsed.TotalSeconds, 2 * texts.Length / cpu.TotalSeconds);
}
