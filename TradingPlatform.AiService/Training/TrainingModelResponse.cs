using TradingPlatform.AiService.Data;
using System.Text.Json;
using TradingPlatform.AiService.Forecasting;

namespace TradingPlatform.AiService.Training;

/// <summary>The registry entry a run stored, with its held-out evaluation.</summary>
public sealed record TrainingModelResponse(Guid Id, string Name, int Version, bool Active, string FileHash, ModelEvaluation? Evaluation)
{
    public static TrainingModelResponse From(ForecastModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new TrainingModelResponse(model.Id, model.Name, model.Version, model.IsActive, model.FileHash,
            JsonSerializer.Deserialize<ModelEvaluation>(model.Metrics, AiJson.Options));
    }
}
