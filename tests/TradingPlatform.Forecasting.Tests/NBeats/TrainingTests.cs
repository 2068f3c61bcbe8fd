using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Tests.Support;

namespace TradingPlatform.Forecasting.Tests.NBeats;

/// <summary>Training learns a predictable series, and early stopping keeps the best epoch's weights.</summary>
public sealed class TrainingTests
{
    [Fact]
    public void A_small_network_beats_the_last_price_on_the_validation_windows_of_a_sine_with_a_trend()
    {
        var prices = SyntheticSeries.SineWithTrend(2000);
        var options = new NBeatsOptions { Lookback = 30, Horizon = 5, Stacks = 3, BlocksPerStack = 1, LayersPerBlock = 2, HiddenUnits = 32, Seed = 1 };
        var training = new NBeatsTrainingOptions { MaxEpochs = 30, BatchSize = 32, LearningRate = 3e-3, Patience = 5 };
        var epochs = new InlineProgress<NBeatsEpoch>();
        var result = NBeatsTrainer.Train(prices, options, training, epochs);

        Assert.Equal(result.History, epochs.Reports);
        var split = WindowSplit.Create(prices.Length, options.Lookback, options.Horizon, training.ValidationFraction, "prices");
        Assert.Equal(split.TrainingCount, result.TrainingWindows);
        Assert.Equal(split.ValidationCount, result.ValidationWindows);
        var forecaster = new NBeatsForecaster(result.Network);
        double modelError = 0, naiveError = 0;
        for (var w = split.ValidationStart; w < split.ValidationStart + split.ValidationCount; w++)
        {
            var history = prices.AsSpan(0, w + options.Lookback);
            var forecast = forecaster.Forecast(history);
            for (var i = 0; i < options.Horizon; i++)
            {
                var actual = prices[w + options.Lookback + i];
                modelError += Math.Pow(forecast[i] - actual, 2);
                naiveError += Math.Pow(history[^1] - actual, 2);
            }
        }

        Assert.True(modelError < naiveError / 10, $"model MSE {modelError / split.ValidationCount / options.Horizon}, last-price MSE {naiveError / split.ValidationCount / options.Horizon}");
    }

    [Fact]
    public void Early_stopping_ends_after_patience_epochs_without_a_new_best_and_keeps_the_best_weights()
    {
        // a random walk: past the first epochs a large network only fits the training noise
        var prices = SyntheticSeries.RandomWalk(300, seed: 5);
        var options = new NBeatsOptions { Lookback = 20, Horizon = 5, Stacks = 2, BlocksPerStack = 2, LayersPerBlock = 3, HiddenUnits = 64, Seed = 2 };
        var training = new NBeatsTrainingOptions { MaxEpochs = 200, BatchSize = 16, LearningRate = 3e-3, Patience = 3 };
        var result = NBeatsTrainer.Train(prices, options, training);

        Assert.True(result.StoppedEarly);
        Assert.True(result.History.Count < training.MaxEpochs);
        Assert.Equal(result.BestEpoch + training.Patience, result.History.Count);
        Assert.Equal(result.History.Min(epoch => epoch.ValidationLoss), result.BestValidationLoss);
        Assert.True(result.History[^1].ValidationLoss > result.BestValidationLoss);

        var split = WindowSplit.Create(prices.Length, options.Lookback, options.Horizon, training.ValidationFraction, "prices");
        var validation = NormalizedWindows.Create(prices, split.ValidationStart, split.ValidationCount, options.Lookback, options.Horizon);
        Assert.Equal(result.BestValidationLoss, NBeatsTrainer.Evaluate(result.Network, validation, NBeatsLoss.MeanSquaredError));
    }

    [Fact]
    public void Mean_absolute_error_training_reports_that_loss()
    {
        var prices = SyntheticSeries.SineWithTrend(400);
        var options = new NBeatsOptions { Lookback = 20, Horizon = 4, Stacks = 1, BlocksPerStack = 2, LayersPerBlock = 2, HiddenUnits = 16, Seed = 3 };
        var training = new NBeatsTrainingOptions { MaxEpochs = 3, Loss = NBeatsLoss.MeanAbsoluteError };
        var result = NBeatsTrainer.Train(prices, options, training);

        var split = WindowSplit.Create(prices.Length, options.Lookback, options.Horizon, training.ValidationFraction, "prices");
        var validation = NormalizedWindows.Create(prices, split.ValidationStart, split.ValidationCount, options.Lookback, options.Horizon);
        Assert.Equal(result.BestValidationLoss, NBeatsTrainer.Evaluate(result.Network, validation, NBeatsLoss.MeanAbsoluteError));
        Assert.NotEqual(result.BestValidationLoss, NBeatsTrainer.Evaluate(result.Network, validation, NBeatsLoss.MeanSquaredError));
    }

    [Fact]
    public void An_interpretable_network_trains_with_shared_weights()
    {
        var prices = SyntheticSeries.SineWithTrend(600);
        var options = new NBeatsOptions
        {
            Lookback = 20, Horizon = 5, StackType = NBeatsStackType.Interpretable, ShareWeightsInStack = true,
            TrendBlocks = 2, TrendLayers = 2, TrendHiddenUnits = 16, SeasonalityBlocks = 2, SeasonalityLayers = 2, SeasonalityHiddenUnits = 16, Seed = 4,
        };
        var result = NBeatsTrainer.Train(prices, options, new NBeatsTrainingOptions { MaxEpochs = 8, LearningRate = 3e-3, GradientClipNorm = 1 });

        Assert.True(result.BestValidationLoss < result.History[0].ValidationLoss);
    }
}
