using TradingPlatform.Messaging;

namespace TradingPlatform.Api.Realtime.Handlers;

internal static class Stamp
{
    /// <summary>When the change happened (the event's time), or now for an event written without one.</summary>
    public static DateTimeOffset Of(IntegrationEvent integrationEvent, TimeProvider time) =>
        integrationEvent.OccurredAt == default ? time.GetUtcNow() : integrationEvent.OccurredAt;
}
