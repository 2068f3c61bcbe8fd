namespace TradingPlatform.Worker.Analysis;

/// <summary>What started an analysis run.</summary>
public static class AnalysisTriggers
{
    /// <summary><c>POST /api/ai/config-analysis/trigger</c>.</summary>
    public const string Manual = "manual";

    /// <summary>The daily recurring job.</summary>
    public const string Daily = "daily";
}
