namespace TradingPlatform.AiService.Analysis;

/// <summary>The symbol's time-decayed news sentiment over the configured window (no score without news).</summary>
public sealed record SentimentPart(double? Score, string? Label, int Count, string Window);
