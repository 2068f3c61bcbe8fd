using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Data;
using TradingPlatform.ServiceDefaults.Data;

namespace TradingPlatform.AiService.Knowledge;

/// <summary>
/// Indexes the knowledge base once the ai schema is migrated, then re-checks the sources every
/// <see cref="KnowledgeOptions.RecheckSeconds"/> (a PeriodicTimer on the injected clock). A failed pass is logged and the
/// next tick tries again; until the first pass succeeds, searches wait and readiness says why.
/// </summary>
internal sealed partial class KnowledgeIndexService(
    KnowledgeIndexer indexer, KnowledgeBase knowledge, SchemaStatus<AiDbContext> schema, IOptions<KnowledgeOptions> options, TimeProvider time,
    ILogger<KnowledgeIndexService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await schema.Completion.WaitAsync(stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RecheckSeconds), time);
            do
            {
                try
                {
                    await indexer.IndexAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    knowledge.MarkFailed(exception.Message);
                    LogFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Indexing the knowledge base failed; the next re-check retries.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
