using TradingPlatform.AiService.Data;
using TradingPlatform.Messaging;
using TradingPlatform.ServiceDefaults.Data;

namespace TradingPlatform.AiService.Messaging;

internal static class AiMessagingExtensions
{
    /// <summary>
    /// The AiService's outbox in the ai schema, relayed to the platform's exchange: its integration events (a model
    /// activated, news published, an AI signal) are written in the same transaction as the change they announce, so
    /// none is lost when the broker or the process is down at that moment.
    /// </summary>
    public static IHostApplicationBuilder AddAiMessaging(this IHostApplicationBuilder builder)
    {
        // The relay reads the ai schema's outbox table: it starts once the AiService has migrated that schema.
        builder.Services.AddSingleton<IMessagingStartGate>(sp => new TaskStartGate(sp.GetRequiredService<SchemaStatus<AiDbContext>>().Completion));
        builder.Services.AddOutbox<AiDbContext>();
        return builder;
    }
}
