namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>
/// One queued server message. <see cref="Body"/> is the final message, or (when <see cref="Counter"/> is set) the
/// message without its seq, which is taken from the counter when it is sent so that a conflated tick does not leave a
/// gap. <see cref="ConflationKey"/> marks messages of which only the latest matters (a symbol's price, a candle).
/// </summary>
internal sealed record Outbound(
    byte[] Body,
    SeqCounter? Counter = null,
    string? ConflationKey = null,
    bool Critical = false,
    bool Replay = false,
    int? CloseCode = null,
    string? CloseReason = null);
