using TradingPlatform.AiService.Data;

namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// Stores the queued predictions in batches (one insert round trip for up to <see cref="MaxBatch"/>), each in a scope
/// of its own. On stop it drains the queue first. A batch that fails to store is logged with its size and dropped: the
/// forecasts were served, and retrying a failing database from memory would only grow the queue.
/// </summary>
internal sealed partial class PredictionWriter(PredictionRecorder recorder, IServiceScopeFactory scopes, ILogger<PredictionWriter> logger) : BackgroundService
{
    public const int MaxBatch = 500;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        recorder.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = recorder.Reader;
        var batch = new List<Prediction>(MaxBatch);
        // Not the stopping token: the loop ends when the queue is completed and drained (StopAsync completes it).
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var prediction))
            {
                batch.Add(prediction);
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
                db.Predictions.AddRange(batch);
                await db.SaveChangesAsync(CancellationToken.None);
            }
#pragma warning disable CA1031 // A failed batch must not end the writer; it is logged.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogNotStored(logger, exception, batch.Count);
            }

            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} served predictions could not be stored; they are missing from the history and the live scores.")]
    private static partial void LogNotStored(ILogger logger, Exception exception, int count);
}
