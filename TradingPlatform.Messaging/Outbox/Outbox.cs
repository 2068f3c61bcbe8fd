using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace TradingPlatform.Messaging.Outbox;

/// <summary>The outbox writer of one DbContext (scoped, like the context it writes to).</summary>
public sealed class Outbox<TContext>(TContext db) : IOutbox
    where TContext : DbContext
{
    public void Add(IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = integrationEvent.Id,
            Type = integrationEvent.GetType().Name,
            RoutingKey = integrationEvent.RoutingKey,
            Payload = IntegrationEventSerializer.Serialize(integrationEvent),
            Headers = JsonSerializer.Serialize(CaptureHeaders()),
            OccurredAt = integrationEvent.OccurredAt,
        });
    }

    /// <summary>The writing activity's W3C context: the relay publishes it, so the consumer joins the request's trace.</summary>
    private static Dictionary<string, string> CaptureHeaders()
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            headers[MessagingTelemetry.TraceParentHeader] = activity.Id!;
            if (activity.TraceStateString is { Length: > 0 } state)
            {
                headers[MessagingTelemetry.TraceStateHeader] = state;
            }
        }

        return headers;
    }
}
