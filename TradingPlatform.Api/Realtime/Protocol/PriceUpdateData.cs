namespace TradingPlatform.Api.Realtime.Protocol;

/// <summary>Seed 001's price_update data; change is against the first price of the UTC day this replica saw.</summary>
public sealed record PriceUpdateData(
    string Symbol,
    decimal Bid,
    decimal Ask,
    decimal Last,
    decimal Change,
    decimal ChangePercent,
    decimal Volume,
    DateTimeOffset Timestamp);
