namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>
/// One queued server message (a struct: queuing it allocates nothing). <see cref="Body"/> is the final message, or
/// (when <see cref="Counter"/> is set) the message without its seq, which is taken from the counter when it is sent so
/// that a conflated tick does not leave a gap. A fanned-out message's body is one array shared by every subscriber.
/// <see cref="ConflationKey"/> marks messages of which only the latest matters (a symbol's price, a candle).
/// <see cref="ReceivedAt"/> is the <see cref="System.Diagnostics.Stopwatch"/> timestamp at which this replica received
/// a fanned-out message (0 for the connection's own messages), for the send-latency histogram.
/// </summary>
internal readonly record struct Outbound(
    byte[] Body,
    SeqCounter? Counter = null,
    string? ConflationKey = null,
    bool Critical = false,
    bool Replay = false,
    int? CloseCode = null,
    string? CloseReason = null,
    long ReceivedAt = 0);
