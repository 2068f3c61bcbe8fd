using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Tests.Support;

namespace TradingPlatform.Forecasting.Tests.NBeats;

/// <summary>The forecaster divides the last L prices by the last one and multiplies the network's forecast back.</summary>
public sealed class ForecasterTests
{
    private static readonly NBeatsNetwork Network = new(new NBeatsOptions
    {
        Lookback = 6, Horizon = 3, Stacks = 2, BlocksPerStack = 1, LayersPerBlock = 2, HiddenUnits = 8, Seed = 9,
    });

    [Fact]
    public void The_forecast_is_the_network_output_on_the_normalized_window_times_the_last_price()
    {
        var history = SyntheticSeries.SineWithTrend(40);
        var window = history[^6..];
        var normalized = window.Select(price => price / window[^1]).ToArray();
        var expected = new double[3];
        Network.Forward(normalized, expected);

        var forecast = new NBeatsForecaster(Network).Forecast(history);

        Assert.Equal(expected.Select(value => value * window[^1]), forecast);
    }

    [Fact]
    public void Scaling_the_history_scales_the_forecast()
    {
        var history = SyntheticSeries.SineWithTrend(20);
        var forecaster = new NBeatsForecaster(Network);
        var forecast = forecaster.Forecast(history);
        var scaled = forecaster.Forecast(history.Select(price => price * 10).ToArray());

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(forecast[i] * 10, scaled[i], Math.Abs(forecast[i]) * 10 * 1e-12);
        }
    }

    [Fact]
    public void Only_the_last_lookback_prices_are_read()
    {
        var history = SyntheticSeries.SineWithTrend(30);
        var forecaster = new NBeatsForecaster(Network);
        Assert.Equal(forecaster.Forecast(history.AsSpan(24)), forecaster.Forecast(history));
    }
}
