using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Tests.Support;
using Xunit.Abstractions;

namespace TradingPlatform.Forecasting.Tests.Onnx;

/// <summary>
/// ONNX Runtime (CPU) on the exported model gives the C# forecaster's prices to 1e-5 of the last price (the
/// normalized scale), or of the forecast where that is larger (see <see cref="OnnxForecasts.MaxScaledDifference"/>),
/// for every layout, single windows and batches, at different price levels, untrained and trained.
/// </summary>
public sealed class OnnxEquivalenceTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;

    public static TheoryData<string, int> NetworksAndBatches()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in ExportCases.Networks.Keys)
        {
            data.Add(name, 1);
            data.Add(name, 9);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NetworksAndBatches))]
    public void The_model_forecasts_what_the_forecaster_does(string network, int batch)
    {
        var options = ExportCases.Networks[network];
        var windows = OnnxForecasts.Windows(batch, options.Lookback, level: 100, seed: batch);

        var difference = OnnxForecasts.MaxScaledDifference(new NBeatsNetwork(options), windows);

        output.WriteLine($"{network}, batch {batch}: max |ONNX − C#| / max(last price, |C#|) = {difference:E2}");
        Assert.InRange(difference, 0, Tolerance);
    }

    [Theory]
    [InlineData(0.37)]
    [InlineData(48_250)]
    public void The_normalization_inside_the_graph_holds_at_any_price_level(double level)
    {
        var options = ExportCases.Networks["generic"];
        var windows = OnnxForecasts.Windows(5, options.Lookback, level, seed: 3);

        var difference = OnnxForecasts.MaxScaledDifference(new NBeatsNetwork(options), windows);

        output.WriteLine($"level {level}: max |ONNX − C#| / max(last price, |C#|) = {difference:E2}");
        Assert.InRange(difference, 0, Tolerance);
    }

    [Theory]
    [InlineData(NBeatsStackType.Generic)]
    [InlineData(NBeatsStackType.Interpretable)]
    public void A_trained_network_exports_to_the_same_forecasts(NBeatsStackType stackType)
    {
        var prices = SyntheticSeries.SineWithTrend(400);
        var options = new NBeatsOptions
        {
            Lookback = 20, Horizon = 5, StackType = stackType, Stacks = 2, BlocksPerStack = 2, LayersPerBlock = 2, HiddenUnits = 16,
            TrendBlocks = 2, TrendLayers = 2, TrendHiddenUnits = 16, SeasonalityBlocks = 2, SeasonalityLayers = 2, SeasonalityHiddenUnits = 16, Seed = 5,
        };
        var result = NBeatsTrainer.Train(prices, options, new NBeatsTrainingOptions { MaxEpochs = 3, LearningRate = 3e-3 });
        var untrained = new NBeatsNetwork(options);
        Assert.NotEqual(untrained.Parameters[0].Values.ToArray(), result.Network.Parameters[0].Values.ToArray());
        var windows = Enumerable.Range(0, 8).Select(n => prices[(300 + (10 * n))..(320 + (10 * n))]).ToArray();

        var difference = OnnxForecasts.MaxScaledDifference(result.Network, windows);

        output.WriteLine($"trained {stackType}: max |ONNX − C#| / max(last price, |C#|) = {difference:E2}");
        Assert.InRange(difference, 0, Tolerance);
    }
}
