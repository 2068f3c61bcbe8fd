namespace TradingPlatform.AiService.Analysis;

/// <summary>What <see cref="MarketAnalyzer.Analyze"/> found in a series: the parts of seed 001's analysis and the signal.</summary>
public sealed record MarketAnalysis(
    double LastPrice,
    TrendMeasure? Trend,
    double? ModelProbabilityUp,
    IReadOnlyList<PriceLevel> Support,
    IReadOnlyList<PriceLevel> Resistance,
    IReadOnlyList<ChartPattern> Patterns,
    double? SentimentScore,
    string? SentimentLabel,
    int SentimentCount,
    string Signal,
    double Confidence,
    string Reasoning);
