using TradingPlatform.AiService.Data;
using TradingPlatform.ServiceDefaults.Data;

namespace TradingPlatform.AiService.Forecasting;

/// <summary>
/// Keeps <see cref="ActiveModels"/> in step with the registry on every replica: once the ai schema is migrated, then every
/// <see cref="Interval"/>. An activation on another replica reaches this one within that interval, without a restart.
/// </summary>
internal sealed class ActiveModelsRefresher(ActiveModels models, SchemaStatus<AiDbContext> schema, TimeProvider time, ILogger<ActiveModelsRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await schema.Completion.WaitAsync(stoppingToken);
            using var timer = new PeriodicTimer(Interval, time);
            do
            {
                try
                {
                    await models.RefreshAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Refreshing the serving models failed; the current ones keep serving");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
