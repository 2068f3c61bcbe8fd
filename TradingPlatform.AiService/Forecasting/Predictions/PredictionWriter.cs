using TradingPlatform.AiService.Data;

namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// Stores the queued predictions in batches (one insert round trip for up to <see cref="MaxBatch"/>), each in a scope
/// of its own; stopping drains the queue first (<see cref="QueueWriter{T}"/>). A batch that fails to store is logged
/// with its size and dropped: the forecasts were served, and retrying a failing database from memory would only grow
/// the queue.
/// </summary>
internal sealed partial class PredictionWriter(PredictionRecorder recorder, IServiceScopeFactory scopes, ILogger<PredictionWriter> logger)
    : QueueWriter<Prediction>(recorder.Reader, recorder.Complete)
{
    public const int MaxBatch = 500;

    protected override int BatchSize => MaxBatch;

    protected override void Abandon(IReadOnlyList<Prediction> rows) => LogNotStored(logger, null, rows.Count);

    protected override async Task WriteAsync(IReadOnlyList<Prediction> batch, CancellationToken stopping)
    {
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
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} served predictions could not be stored; they are missing from the history and the live scores.")]
    private static partial void LogNotStored(ILogger logger, Exception? exception, int count);
}
