namespace TradingPlatform.Api.Market.Candles;

/// <summary><c>GET /api/market/data</c> (seed 001): <c>{symbol, interval, data:[…]}</c>.</summary>
public sealed record MarketDataResponse(string Symbol, string Interval, IReadOnlyList<CandleResponse> Data);
