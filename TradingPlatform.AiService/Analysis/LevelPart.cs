namespace TradingPlatform.AiService.Analysis;

/// <summary>A support or resistance level with its touches and the first and last bar that touched it.</summary>
public sealed record LevelPart(double Price, int Touches, string Kind, DateTimeOffset FirstTouch, DateTimeOffset LastTouch);
