namespace TradingPlatform.AiService.Analysis;

/// <summary>One candle as the analysis reads it: its open time, high, low and close.</summary>
public readonly record struct PriceBar(DateTimeOffset OpenTime, double High, double Low, double Close);
