using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Tests.Support;

namespace TradingPlatform.Forecasting.Tests.NBeats;

/// <summary>Bad options, prices and histories are refused with a message that names the problem.</summary>
public sealed class InputValidationTests
{
    private static readonly NBeatsOptions Options = new() { Lookback = 10, Horizon = 5, Stacks = 1, BlocksPerStack = 1, LayersPerBlock = 1, HiddenUnits = 4 };

    [Fact]
    public void A_lookback_below_2_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new NBeatsOptions { Lookback = 1, Horizon = 1 });
        Assert.Equal("Lookback", error.ParamName);
        Assert.Contains("Lookback (the input window in prices) must be at least 2; it was 1.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_horizon_below_1_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new NBeatsOptions { Lookback = 4, Horizon = 0 });
        Assert.Contains("Horizon (the forecast length in prices) must be at least 1; it was 0.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Network_sizes_out_of_range_are_refused_with_the_option_named()
    {
        Assert.Equal("HiddenUnits", Assert.Throws<ArgumentOutOfRangeException>(() => Options with { HiddenUnits = 0 }).ParamName);
        Assert.Equal("LayersPerBlock", Assert.Throws<ArgumentOutOfRangeException>(() => Options with { LayersPerBlock = 0 }).ParamName);
        Assert.Equal("Stacks", Assert.Throws<ArgumentOutOfRangeException>(() => Options with { Stacks = 0 }).ParamName);
        Assert.Equal("TrendDegree", Assert.Throws<ArgumentOutOfRangeException>(() => Options with { TrendDegree = -1 }).ParamName);
        Assert.Equal("SeasonalityHarmonics", Assert.Throws<ArgumentOutOfRangeException>(() => Options with { SeasonalityHarmonics = 0 }).ParamName);
        Assert.Equal("StackType", Assert.Throws<ArgumentOutOfRangeException>(() => Options with { StackType = (NBeatsStackType)7 }).ParamName);
    }

    [Fact]
    public void Training_options_out_of_range_are_refused_with_the_option_named()
    {
        var fraction = Assert.Throws<ArgumentOutOfRangeException>(() => new NBeatsTrainingOptions { ValidationFraction = 1 });
        Assert.Contains("strictly between 0 and 1; it was 1", fraction.Message, StringComparison.Ordinal);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new NBeatsTrainingOptions { LearningRate = double.NaN }).ParamName);
        Assert.Equal("BatchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new NBeatsTrainingOptions { BatchSize = 0 }).ParamName);
        Assert.Equal("Patience", Assert.Throws<ArgumentOutOfRangeException>(() => new NBeatsTrainingOptions { Patience = 0 }).ParamName);
        Assert.Equal("GradientClipNorm", Assert.Throws<ArgumentOutOfRangeException>(() => new NBeatsTrainingOptions { GradientClipNorm = -1 }).ParamName);
    }

    [Theory]
    [InlineData(double.NaN, "prices[7] is NaN")]
    [InlineData(double.PositiveInfinity, "prices[7] is Infinity")]
    [InlineData(0.0, "prices[7] is 0")]
    [InlineData(-3.5, "prices[7] is -3.5")]
    public void A_price_that_is_not_finite_and_positive_is_refused_by_its_index(double price, string expected)
    {
        var prices = SyntheticSeries.SineWithTrend(100);
        prices[7] = price;
        var error = Assert.Throws<ArgumentException>(() => NBeatsTrainer.Train(prices, Options, new NBeatsTrainingOptions()));
        Assert.Equal("prices", error.ParamName);
        Assert.Contains(expected + "; every price must be finite and above 0.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_too_short_for_one_window_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => NBeatsTrainer.Train(SyntheticSeries.SineWithTrend(14), Options, new NBeatsTrainingOptions()));
        Assert.Contains("The series has 14 prices, too few for one window of 15 (lookback 10 + horizon 5).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_whose_windows_all_go_to_validation_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => NBeatsTrainer.Train(SyntheticSeries.SineWithTrend(19), Options, new NBeatsTrainingOptions()));
        Assert.Contains("The series has 19 prices, 5 windows of 15: 1 held out for validation and the 4 dropped before them leave none to train on", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_shorter_than_the_lookback_is_refused()
    {
        var forecaster = new NBeatsForecaster(new NBeatsNetwork(Options));
        var error = Assert.Throws<ArgumentException>(() => forecaster.Forecast(SyntheticSeries.SineWithTrend(9)));
        Assert.Equal("history", error.ParamName);
        Assert.Contains("The history has 9 prices; the model reads the last 10 (its lookback), so it needs at least that many.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_with_a_bad_price_among_the_last_lookback_is_refused_by_its_index()
    {
        var forecaster = new NBeatsForecaster(new NBeatsNetwork(Options));
        var history = SyntheticSeries.SineWithTrend(30);
        history[25] = double.NaN;
        var error = Assert.Throws<ArgumentException>(() => forecaster.Forecast(history));
        Assert.Contains("history[25] is NaN", error.Message, StringComparison.Ordinal);

        history[25] = 100;
        history[3] = double.NaN; // older than the lookback: not read
        Assert.Equal(5, forecaster.Forecast(history).Length);
    }
}
