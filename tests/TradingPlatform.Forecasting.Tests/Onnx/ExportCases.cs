using TradingPlatform.Forecasting.NBeats;

namespace TradingPlatform.Forecasting.Tests.Onnx;

/// <summary>Small networks of every layout the exporter must reproduce, by name (xunit theories pass the name).</summary>
internal static class ExportCases
{
    public static readonly IReadOnlyDictionary<string, NBeatsOptions> Networks = new Dictionary<string, NBeatsOptions>
    {
        ["generic"] = new() { Lookback = 12, Horizon = 4, Stacks = 2, BlocksPerStack = 2, LayersPerBlock = 3, HiddenUnits = 16, Seed = 11 },
        ["generic shared"] = new() { Lookback = 10, Horizon = 3, Stacks = 2, BlocksPerStack = 3, LayersPerBlock = 2, HiddenUnits = 8, ShareWeightsInStack = true, Seed = 12 },
        ["interpretable"] = new()
        {
            Lookback = 15, Horizon = 6, StackType = NBeatsStackType.Interpretable, TrendBlocks = 2, TrendLayers = 2, TrendHiddenUnits = 16,
            SeasonalityBlocks = 2, SeasonalityLayers = 3, SeasonalityHiddenUnits = 12, Seed = 13,
        },
        ["interpretable shared"] = new()
        {
            Lookback = 14, Horizon = 5, StackType = NBeatsStackType.Interpretable, ShareWeightsInStack = true, TrendBlocks = 3, TrendLayers = 2,
            TrendHiddenUnits = 8, TrendDegree = 2, SeasonalityBlocks = 2, SeasonalityLayers = 2, SeasonalityHiddenUnits = 8, SeasonalityHarmonics = 3, Seed = 14,
        },
    };

    public static TheoryData<string> Names() => [.. Networks.Keys];
}
