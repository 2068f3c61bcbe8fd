namespace TradingPlatform.Api.Market.Import;

/// <summary>What an import stored: rows read, new candles, replaced candles, and the time range covered.</summary>
public sealed record ImportResponse(
    string Symbol, string Interval, int Rows, int Inserted, int Updated, DateTimeOffset From, DateTimeOffset To);
