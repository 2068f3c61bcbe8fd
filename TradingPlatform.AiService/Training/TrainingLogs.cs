using TradingPlatform.AiService.Data;
using System.Text.Json;
using TradingPlatform.Forecasting.NBeats;

namespace TradingPlatform.AiService.Training;

/// <summary>The per-epoch losses stored on a run.</summary>
internal static class TrainingLogs
{
    public static IReadOnlyList<NBeatsEpoch> Read(TrainingRun run) =>
        JsonSerializer.Deserialize<List<NBeatsEpoch>>(run.Epochs, AiJson.Options) ?? [];
}
