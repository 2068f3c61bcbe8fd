namespace TradingPlatform.AiService.Training;

/// <summary>Where a training run is (stored as text).</summary>
public enum TrainingStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
