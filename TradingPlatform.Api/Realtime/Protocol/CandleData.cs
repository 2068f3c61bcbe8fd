namespace TradingPlatform.Api.Realtime.Protocol;

/// <summary>The forming candle of one symbol and interval.</summary>
public sealed record CandleData(
    string Symbol,
    string Interval,
    DateTimeOffset OpenTime,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume);
