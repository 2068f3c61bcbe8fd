namespace TradingPlatform.Api.Market.Candles;

/// <summary><c>GET /api/market/{symbol}/candles</c> (seed 004): <c>{symbol, timeframe, candles:[…]}</c>.</summary>
public sealed record CandlesResponse(string Symbol, string Timeframe, IReadOnlyList<CandleResponse> Candles);
