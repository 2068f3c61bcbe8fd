namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// Forecasts prices with a trained network: the last L prices of the history are divided by the last one (the
/// training's normalization), run through the network, and the H outputs multiplied back by that price. Not
/// thread-safe (it reuses its buffers and the network's).
/// </summary>
public sealed class NBeatsForecaster
{
    private readonly NBeatsNetwork _network;
    private readonly double[] _input;

    public NBeatsForecaster(NBeatsNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        _input = new double[network.Lookback];
    }

    public int Lookback => _network.Lookback;

    public int Horizon => _network.Horizon;

    /// <summary>The next H prices after <paramref name="history"/> (oldest first, at least L prices; only the last L are read and checked).</summary>
    public double[] Forecast(ReadOnlySpan<double> history)
    {
        var forecast = new double[Horizon];
        Forecast(history, forecast);
        return forecast;
    }

    /// <inheritdoc cref="Forecast(ReadOnlySpan{double})"/>
    public void Forecast(ReadOnlySpan<double> history, Span<double> forecast)
    {
        if (history.Length < Lookback)
        {
            throw new ArgumentException($"The history has {history.Length} prices; the model reads the last {Lookback} (its lookback), so it needs at least that many.", nameof(history));
        }

        if (forecast.Length != Horizon)
        {
            throw new ArgumentException($"The forecast buffer holds {forecast.Length} values; the model forecasts {Horizon} (its horizon).", nameof(forecast));
        }

        var firstIndex = history.Length - Lookback;
        var window = history[firstIndex..];
        PriceSeries.ThrowIfInvalid(window, nameof(history), firstIndex);
        var scale = window[^1];
        PriceSeries.Normalize(window, scale, _input);
        _network.Forward(_input, forecast);
        for (var i = 0; i < forecast.Length; i++)
        {
            forecast[i] *= scale;
        }
    }
}
