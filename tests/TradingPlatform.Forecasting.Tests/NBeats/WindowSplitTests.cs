using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Tests.Support;

namespace TradingPlatform.Forecasting.Tests.NBeats;

/// <summary>The chronological split of the sliding windows and their normalization.</summary>
public sealed class WindowSplitTests
{
    [Fact]
    public void Validation_windows_come_last_and_their_targets_start_after_every_training_target()
    {
        const int lookback = 10, horizon = 5;
        var split = WindowSplit.Create(priceCount: 100, lookback, horizon, validationFraction: 0.2, "prices");

        // 86 windows: 17 validate, the 4 before them are dropped, 65 train
        Assert.Equal(new WindowSplit(TrainingCount: 65, ValidationStart: 69, ValidationCount: 17), split);
        var lastTrainingTarget = split.TrainingCount - 1 + lookback + horizon - 1;
        var firstValidationTarget = split.ValidationStart + lookback;
        Assert.Equal(lastTrainingTarget + 1, firstValidationTarget);
        Assert.Equal(100, split.ValidationStart + split.ValidationCount - 1 + lookback + horizon);
    }

    [Fact]
    public void Each_window_is_divided_by_its_last_input_price()
    {
        var prices = SyntheticSeries.SineWithTrend(30);
        var windows = NormalizedWindows.Create(prices, firstWindow: 3, count: 2, lookback: 4, horizon: 2);

        Assert.Equal(2, windows.Count);
        Assert.Equal(prices[3..7].Select(price => price / prices[6]), windows.Inputs[..4]);
        Assert.Equal(prices[7..9].Select(price => price / prices[6]), windows.Targets[..2]);
        Assert.Equal(1.0, windows.Inputs[3]);
        Assert.Equal(prices[4..8].Select(price => price / prices[7]), windows.Inputs[4..]);
        Assert.Equal(prices[8..10].Select(price => price / prices[7]), windows.Targets[2..]);
    }
}
