namespace TradingPlatform.Trading.Strategies;

/// <summary>
/// One realised result of a strategy: the P&amp;L booked by a closing fill (or a whole round trip), net of fees, at the
/// time it was closed.
/// </summary>
public sealed record ClosedTrade(string Symbol, DateTimeOffset ClosedAt, decimal RealizedPnL);
