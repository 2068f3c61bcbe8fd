namespace TradingPlatform.AiService.Analysis;

/// <summary>Seed 001's analysis types and the candles each needs at least.</summary>
public static class AnalysisTypes
{
    public const string Trend = "trend";
    public const string SupportResistance = "support_resistance";
    public const string Pattern = "pattern";
    public const string Sentiment = "sentiment";

    public static IReadOnlyList<string> All { get; } = [Trend, SupportResistance, Pattern, Sentiment];

    /// <summary>Trend needs a line through 20 closes; levels and patterns 30 bars of pivots; sentiment one close for its price.</summary>
    public static int MinBars(string type) => type switch
    {
        Trend => 20,
        SupportResistance or Pattern => 30,
        _ => 1,
    };
}
