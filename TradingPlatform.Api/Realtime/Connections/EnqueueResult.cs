namespace TradingPlatform.Api.Realtime.Connections;

internal enum EnqueueResult
{
    Queued,

    /// <summary>Replaced a queued message with the same conflation key (the client is behind).</summary>
    Conflated,

    /// <summary>The queue is full and the message is not critical: it was dropped.</summary>
    Dropped,

    /// <summary>The queue is full and the message is critical: the connection must be closed (4008) and resumed.</summary>
    Overflow,

    /// <summary>The connection is closing; nothing more is queued.</summary>
    Closed,
}
