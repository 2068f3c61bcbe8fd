namespace TradingPlatform.AiService.Analysis;

/// <summary>Seed 001's <c>analysis</c>: trend, levels, pattern names (with their details) and sentiment.</summary>
public sealed record AnalysisDetail(
    TrendPart? Trend, SupportResistancePart SupportResistance, IReadOnlyList<string> Patterns, IReadOnlyList<PatternPart> PatternDetails, SentimentPart Sentiment);
