using TradingPlatform.Api.Infrastructure.Data;
using TradingPlatform.Messaging;
using TradingPlatform.Trading.Data;

namespace TradingPlatform.Api.Messaging;

/// <summary>The relay and the consumer use tables of the trading schema: they start once its migrations are applied.</summary>
internal sealed class TradingSchemaGate(SchemaStatus<TradingDbContext> schema) : IMessagingStartGate
{
    public Task WaitAsync(CancellationToken cancellationToken) => schema.Completion.WaitAsync(cancellationToken);
}
