namespace TradingPlatform.AiService.Training;

/// <summary>
/// One training request and its progress (<c>ai.training_runs</c>, seed 003's training job): who asked, for what, the
/// loss of every epoch so far, and how it ended (the model it stored, or why not).
/// </summary>
public sealed class TrainingRun
{
    public required Guid Id { get; init; }

    public required Guid OwnerId { get; init; }

    public required string Symbol { get; init; }

    public required string Interval { get; init; }

    /// <summary>The whole request (network and training options, data range, force flag) as JSON.</summary>
    public required string Request { get; init; }

    public TrainingStatus Status { get; set; } = TrainingStatus.Queued;

    public string? JobId { get; set; }

    /// <summary>The epochs so far as JSON, <c>[{"epoch":1,"trainingLoss":…,"validationLoss":…}, …]</c>.</summary>
    public string Epochs { get; set; } = "[]";

    public int MaxEpochs { get; init; }

    public string? Error { get; set; }

    public Guid? ModelId { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
