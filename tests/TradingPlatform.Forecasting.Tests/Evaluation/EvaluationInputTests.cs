using TradingPlatform.Forecasting.Evaluation;

namespace TradingPlatform.Forecasting.Tests.Evaluation;

/// <summary>Window sets and forecasts that do not fit are refused with a message that names the problem.</summary>
public sealed class EvaluationInputTests
{
    private static readonly EvaluationWindow[] Windows = [EvaluationData.Window([1, 2, 3], [4, 5]), EvaluationData.Window([2, 3, 4], [5, 6])];

    [Fact]
    public void An_empty_set_of_windows_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ForecastMetrics.Compute([], []));

        Assert.Equal("windows", error.ParamName);
        Assert.Contains("The set of windows is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forecast_count_that_differs_from_the_window_count_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ForecastMetrics.Compute(Windows, [new double[] { 4, 5 }]));

        Assert.Contains("There are 1 forecasts for 2 windows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forecast_longer_than_its_window_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ForecastMetrics.Compute(Windows, [new double[] { 4, 5 }, new double[] { 5, 6, 7 }]));

        Assert.Equal("forecasts", error.ParamName);
        Assert.Contains("Forecast 1 has 3 values for window 1's 2 actual values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_of_different_horizons_in_one_set_are_refused()
    {
        EvaluationWindow[] mixed = [Windows[0], EvaluationData.Window([1, 2], [3])];

        var error = Assert.Throws<ArgumentException>(() => ForecastMetrics.Compute(mixed, [new double[] { 4, 5 }, new double[] { 3 }]));

        Assert.Contains("Window 1 has 1 actual values, window 0 has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaN_in_a_forecast_or_a_window_is_refused_by_its_index()
    {
        var forecast = Assert.Throws<ArgumentException>(() => ForecastMetrics.Compute(Windows, [new double[] { 4, 5 }, new double[] { double.NaN, 6 }]));
        var history = Assert.Throws<ArgumentException>(() => EvaluationData.Window([1, double.PositiveInfinity], [3]));
        var actual = Assert.Throws<ArgumentException>(() => EvaluationData.Window([1, 2], [3, double.NaN]));

        Assert.Contains("Forecast 1[0] is NaN", forecast.Message, StringComparison.Ordinal);
        Assert.Contains($"history[1] is {double.PositiveInfinity}; every value must be finite.", history.Message, StringComparison.Ordinal);
        Assert.Equal("actual", actual.ParamName);
        Assert.Contains("actual[1] is NaN", actual.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_without_history_or_actual_values_is_refused()
    {
        Assert.Equal("history", Assert.Throws<ArgumentException>(() => EvaluationData.Window([], [1])).ParamName);
        Assert.Equal("actual", Assert.Throws<ArgumentException>(() => EvaluationData.Window([1], [])).ParamName);
    }

    [Fact]
    public void Evaluation_options_out_of_range_are_refused_with_the_option_named()
    {
        Assert.Equal("Alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new EvaluationOptions { Season = 5, Alpha = 1.5 }).ParamName);
        Assert.Equal("Season", Assert.Throws<ArgumentOutOfRangeException>(() => new EvaluationOptions { Season = 0 }).ParamName);
        Assert.Equal("MaseSeason", Assert.Throws<ArgumentOutOfRangeException>(() => new EvaluationOptions { Season = 5, MaseSeason = 0 }).ParamName);
        Assert.Equal("Loss", Assert.Throws<ArgumentOutOfRangeException>(() => new EvaluationOptions { Season = 5, Loss = (DieboldMarianoLoss)9 }).ParamName);
    }
}
