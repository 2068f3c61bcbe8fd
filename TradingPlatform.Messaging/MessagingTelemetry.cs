using System.Diagnostics;

namespace TradingPlatform.Messaging;

/// <summary>
/// Producer spans at publish and consumer spans parented from the message's <c>traceparent</c>, so one trace runs from
/// the request that wrote an event through the broker to every consumer. ServiceDefaults listens to this source.
/// </summary>
public static class MessagingTelemetry
{
    public const string SourceName = "TradingPlatform.Messaging";

    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts a span whose parent is the W3C context in <paramref name="traceParent"/>, when it parses.</summary>
    public static Activity? Start(string name, ActivityKind kind, string? traceParent, string? traceState)
    {
        ActivityContext.TryParse(traceParent, traceState, out var parent);
        return Source.StartActivity(name, kind, parent);
    }
}
