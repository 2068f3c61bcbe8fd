using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Data;
using TradingPlatform.ServiceDefaults.Data;

namespace TradingPlatform.AiService.Forecasting;

/// <summary>
/// Keeps <see cref="ActiveModels"/> in step with the registry on every replica: once the ai schema is migrated, at once
/// when <see cref="Wake"/> is called (a <c>ModelActivated</c> event arrived), and every <see cref="ServingOptions.RefreshInterval"/> as the
/// safety net for an event this replica missed (the broker was down, the replica was connecting).
/// </summary>
internal sealed class ActiveModelsRefresher(
    ActiveModels models, SchemaStatus<AiDbContext> schema, IOptions<ServingOptions> options, TimeProvider time, ILogger<ActiveModelsRefresher> logger)
    : BackgroundService
{
    // Completed by a wake; replaced once a refresh has taken it. Several wakes while a refresh runs ask for one more.
    private TaskCompletionSource _woken = NewSignal();

    /// <summary>Asks for a refresh now rather than at the next tick.</summary>
    public void Wake() => Volatile.Read(ref _woken).TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await schema.Completion.WaitAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                // Taken before the refresh, so that a wake during it leads to one more.
                var woken = Volatile.Read(ref _woken);
                try
                {
                    await models.RefreshAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Refreshing the serving models failed; the current ones keep serving");
                }

                try
                {
                    await woken.Task.WaitAsync(options.Value.RefreshInterval, time, stoppingToken);
                }
                catch (TimeoutException)
                {
                }

                if (woken.Task.IsCompleted)
                {
                    Interlocked.CompareExchange(ref _woken, NewSignal(), woken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
