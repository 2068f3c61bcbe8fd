using TradingPlatform.AiService.Forecasting;

namespace TradingPlatform.AiService.Training;

/// <summary>A training run as <c>GET /api/training/{id}</c> shows it: status, progress in epochs, the best validation loss so far, and the model it stored.</summary>
public sealed record TrainingRunResponse(
    Guid Id,
    string Symbol,
    string Interval,
    string Status,
    int EpochsDone,
    int MaxEpochs,
    double? BestValidationLoss,
    string? Error,
    TrainingModelResponse? Model,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt)
{
    public static TrainingRunResponse From(TrainingRun run, ForecastModel? model)
    {
        ArgumentNullException.ThrowIfNull(run);
        var epochs = TrainingLogs.Read(run);
        return new TrainingRunResponse(
            run.Id, run.Symbol, run.Interval, run.Status.ToString().ToLowerInvariant(), epochs.Count, run.MaxEpochs,
            epochs.Count == 0 ? null : epochs.Min(e => e.ValidationLoss), run.Error, model is null ? null : TrainingModelResponse.From(model),
            run.CreatedAt, run.StartedAt, run.CompletedAt);
    }
}
