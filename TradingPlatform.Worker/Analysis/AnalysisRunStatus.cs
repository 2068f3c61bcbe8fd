namespace TradingPlatform.Worker.Analysis;

/// <summary>Where an analysis run stands.</summary>
public static class AnalysisRunStatus
{
    /// <summary>Started and not finished; a run left so by a killed Worker is taken over by the user's next attempt.</summary>
    public const string Running = "running";

    public const string Succeeded = "succeeded";

    public const string Failed = "failed";
}
