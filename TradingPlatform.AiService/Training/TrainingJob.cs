using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.Forecasting.Evaluation;
using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Onnx;
using TradingPlatform.Jobs.Training;

namespace TradingPlatform.AiService.Training;

/// <summary>
/// One training run, start to finish: the run's closes from <c>trading.candles</c>; the last
/// <see cref="TrainingOptions.TestFraction"/> of them held out; N-BEATS trained on the rest (its own chronological
/// validation split, early stopping, fixed seed), each epoch's losses written to the run as they come; the validation
/// windows calibrate the intervals and the held-out windows score the model against the random walk and the seasonal
/// naive (<see cref="ForecastEvaluator"/>); the network exported to ONNX and stored with its evaluation, activated
/// when the rule says so (or an admin forced it). Repeating a run from the start gives the same model (deterministic
/// training), so a retried job stores it once: a run that already ended is left alone.
/// </summary>
internal sealed class TrainingJob(
    AiDbContext db, ModelRegistry registry, ActiveModels serving, IOptions<TrainingOptions> options, TimeProvider time, ILogger<TrainingJob> logger,
    AiCallMeter meter)
    : ITrainingJob
{
    public async Task RunAsync(Guid trainingRunId, CancellationToken cancellationToken)
    {
        var run = await db.TrainingRuns.SingleOrDefaultAsync(r => r.Id == trainingRunId, cancellationToken);
        if (run is null || run.Status is not (TrainingStatus.Queued or TrainingStatus.Running))
        {
            return;
        }

        run.Status = TrainingStatus.Running;
        run.StartedAt = time.GetUtcNow();
        run.Epochs = "[]";
        run.Error = null;
        await db.SaveChangesAsync(cancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var model = await TrainAsync(run, JsonSerializer.Deserialize<TrainingRequest>(run.Request, AiJson.Options)!, cancellationToken);
            await FinishAsync(run.Id, TrainingStatus.Succeeded, null, model.Id, cancellationToken);
            MeterRun(run, model.Name, model.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, started);
            logger.LogInformation("Training run {RunId} stored {Model} v{Version} ({Decision})", run.Id, model.Name, model.Version, model.Decision);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped (the stop endpoint marked the run cancelled) or the server is shutting down (Hangfire runs it again):
            // either way the device time until now was spent.
            MeterRun(run, "nbeats", "0", 0, started);
            throw;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // The data cannot train this network (too short, a gap of NaN, divergence): a repeat would fail the same way.
            await FinishAsync(run.Id, TrainingStatus.Failed, exception.Message, null, CancellationToken.None);
            MeterRun(run, "nbeats", "0", 0, started);
            logger.LogWarning("Training run {RunId} failed: {Reason}", run.Id, exception.Message);
        }
    }

    private async Task<ForecastModel> TrainAsync(TrainingRun run, TrainingRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var network = request.NetworkOptions();
        var training = request.TrainingOptions();
        var (lookback, horizon) = (network.Lookback, network.Horizon);
        var bars = await CandleSeries.ReadAsync(db, run.Symbol, run.Interval, request.Start, request.End, settings.MaxBars, cancellationToken);
        var closes = bars.Select(b => (double)b.Close).ToArray();
        var fitLength = (int)Math.Floor(closes.Length * (1 - settings.TestFraction));
        var testCount = closes.Length - horizon - fitLength + 1;
        if (testCount < settings.MinTestWindows)
        {
            throw new ArgumentException(
                $"{closes.Length} {run.Interval} bars of {run.Symbol} leave {Math.Max(testCount, 0)} held-out windows of {lookback} + {horizon} bars; the evaluation needs {settings.MinTestWindows}. Give a longer range or a shorter lookback and horizon.");
        }

        var epochs = new List<NBeatsEpoch>();
        var progress = new SynchronousProgress<NBeatsEpoch>(epoch =>
        {
            epochs.Add(epoch);
            var json = JsonSerializer.Serialize(epochs, AiJson.Options);
            db.TrainingRuns.Where(r => r.Id == run.Id).ExecuteUpdate(set => set.SetProperty(r => r.Epochs, json));
        });
        var result = NBeatsTrainer.Train(closes.AsSpan(0, fitLength), network, training, progress, cancellationToken);

        // The evaluation's windows carry at least a season of history (the seasonal naive repeats the last season); the
        // forecaster reads the last lookback of it, so each window forecasts the same targets as the trainer's windows.
        var forecaster = new NBeatsForecaster(result.Network);
        var history = Math.Max(lookback, request.Season);
        var calibrationFirst = result.TrainingWindows + horizon - 1 + lookback - history;
        if (calibrationFirst < 0)
        {
            throw new ArgumentException($"The training part is shorter than a season ({request.Season} bars) of history for the evaluation; give a longer range.");
        }

        var calibration = EvaluationWindows.FromSeries(closes.AsSpan(0, fitLength), history, horizon, calibrationFirst, result.ValidationWindows);
        var test = EvaluationWindows.FromSeries(closes, history, horizon, fitLength - history, testCount);
        var evaluation = ForecastEvaluator.Evaluate(
            calibration, Forecast(forecaster, calibration), test, Forecast(forecaster, test), new EvaluationOptions { Season = request.Season },
            request.ForceActivation);

        var name = ModelRegistry.NameFor(run.Symbol, run.Interval);
        var version = await registry.NextVersionAsync(name, cancellationToken);
        var onnx = NBeatsOnnxExporter.Export(result.Network, new NBeatsOnnxMetadata
        {
            Name = name, Version = version, Description = $"N-BEATS ({network.StackType}) on {run.Symbol} {run.Interval}, run {run.Id}",
        });
        var model = new ForecastModel
        {
            Id = Guid.NewGuid(), Name = name, Version = version, Symbol = run.Symbol, Interval = run.Interval, Lookback = lookback, Horizon = horizon,
            StackType = network.StackType.ToString().ToLowerInvariant(),
            HyperParameters = JsonSerializer.Serialize(new { network, training }, AiJson.Options),
            DataStart = bars[0].OpenTime, DataEnd = bars[^1].OpenTime, Metrics = JsonSerializer.Serialize(ModelEvaluation.From(evaluation, result), AiJson.Options),
            IntervalHalfWidths = JsonSerializer.Serialize(evaluation.Intervals.RelativeHalfWidths, AiJson.Options), IntervalLevel = evaluation.Intervals.Level,
            Onnx = onnx, FileHash = Convert.ToHexStringLower(SHA256.HashData(onnx)), TrainingRunId = run.Id, Decision = evaluation.Decision.Reason,
            CreatedAt = time.GetUtcNow(),
        };
        cancellationToken.ThrowIfCancellationRequested();
        await registry.StoreAsync(model, evaluation.Decision.Activate, cancellationToken);
        if (model.IsActive)
        {
            // This replica serves it at once; the others within their refresh interval.
            await serving.RefreshAsync(cancellationToken);
        }

        return model;
    }

    private static List<IReadOnlyList<double>> Forecast(NBeatsForecaster forecaster, IReadOnlyList<EvaluationWindow> windows) =>
        [.. windows.Select(w => (IReadOnlyList<double>)forecaster.Forecast(w.History.ToArray()))];

    /// <summary>
    /// A run's device time, metered apart from its start ("training-run", priced per device-second), whether it stored a
    /// model, failed or was stopped: training keeps the device busy for the whole attempt, so its wall time is its
    /// device time.
    /// </summary>
    private void MeterRun(TrainingRun run, string model, string version, long modelsOut, long startedTimestamp)
    {
        var took = System.Diagnostics.Stopwatch.GetElapsedTime(startedTimestamp);
        meter.Record(new AiCall(AiFeatures.TrainingRun, model, version, run.MaxEpochs, modelsOut, took, took.TotalSeconds, null, run.OwnerId.ToString()));
    }

    private async Task FinishAsync(Guid runId, TrainingStatus status, string? error, Guid? modelId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Only a run still running ends here: a stop that came first keeps its Cancelled.
        await db.TrainingRuns.Where(r => r.Id == runId && r.Status == TrainingStatus.Running).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Status, status).SetProperty(r => r.Error, error).SetProperty(r => r.ModelId, modelId).SetProperty(r => r.CompletedAt, now),
            cancellationToken);
    }
}
