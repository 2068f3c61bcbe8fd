using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Data;
using TradingPlatform.ServiceDefaults.Data;

namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// Runs <see cref="PredictionScorer"/> every <see cref="PredictionOptions.ScoreInterval"/> (a PeriodicTimer on the
/// injected clock), once the ai schema is migrated. A failed pass is logged and the next tick tries again.
/// </summary>
internal sealed partial class PredictionScoringService(
    PredictionScorer scorer, SchemaStatus<AiDbContext> schema, IOptions<PredictionOptions> options, TimeProvider time, ILogger<PredictionScoringService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await schema.Completion.WaitAsync(stoppingToken);
            using var timer = new PeriodicTimer(options.Value.ScoreInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var (scored, unscorable) = await scorer.ScoreDueAsync(stoppingToken);
                    if (scored + unscorable > 0)
                    {
                        LogPass(logger, scored, unscorable);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored {Scored} predictions; {Unscorable} unscorable.")]
    private static partial void LogPass(ILogger logger, int scored, int unscorable);

    [LoggerMessage(Level = LogLevel.Error, Message = "A prediction scoring pass failed; the next tick retries.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
