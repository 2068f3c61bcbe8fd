using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.AiService.Analysis;

/// <summary>
/// <c>Analysis</c>: the confidence from which a buy or sell is published as an <c>ai</c> signal (0..1, default 0.6),
/// how many bars of the timeframe a recommendation stays active (default 12), and the sentiment window it reads.
/// </summary>
public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    [Range(0.0, 1.0)]
    public double SignalConfidenceThreshold { get; set; } = 0.6;

    [Range(1, 10_000)]
    public int RecommendationLifetimeBars { get; set; } = 12;

    [Required]
    public string SentimentWindow { get; set; } = "1d";
}
