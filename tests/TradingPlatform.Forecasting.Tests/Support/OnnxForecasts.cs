using Microsoft.ML.OnnxRuntime;
using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Onnx;

namespace TradingPlatform.Forecasting.Tests.Support;

/// <summary>
/// Runs an exported model with ONNX Runtime on its CPU provider (a default <see cref="SessionOptions"/>: no CUDA on the
/// test machines) and compares it with the C# forecaster on the same price windows.
/// </summary>
internal static class OnnxForecasts
{
    /// <summary>The model's forecasts for a batch of raw price windows (each of the model's lookback), one row per window.</summary>
    public static float[][] Run(InferenceSession session, IReadOnlyList<double[]> windows)
    {
        var lookback = windows[0].Length;
        var input = new float[windows.Count * lookback];
        for (var n = 0; n < windows.Count; n++)
        {
            for (var i = 0; i < lookback; i++)
            {
                input[(n * lookback) + i] = (float)windows[n][i];
            }
        }

        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [windows.Count, lookback]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [NBeatsOnnxExporter.InputName], [inputValue], [NBeatsOnnxExporter.OutputName]);
        var output = outputs[0];
        var shape = output.GetTensorTypeAndShape().Shape;
        Assert.Equal([windows.Count, shape[1]], shape);
        var values = output.GetTensorDataAsSpan<float>();
        var horizon = (int)shape[1];
        var rows = new float[windows.Count][];
        for (var n = 0; n < windows.Count; n++)
        {
            rows[n] = values.Slice(n * horizon, horizon).ToArray();
        }

        return rows;
    }

    /// <summary>
    /// The largest |ONNX − C#| over all windows and horizon steps, divided by max(the window's last price, |C#|): an
    /// absolute difference on the normalized scale the network computes in (where a relative one would be meaningless
    /// for forecasts near 0), relative where a forecast is larger than the price level (an untrained network may
    /// forecast many times the price, and float32's error grows with the values it holds).
    /// </summary>
    public static double MaxScaledDifference(NBeatsNetwork network, IReadOnlyList<double[]> windows)
    {
        using var session = new InferenceSession(NBeatsOnnxExporter.Export(network));
        var onnx = Run(session, windows);
        var forecaster = new NBeatsForecaster(network);
        var max = 0.0;
        for (var n = 0; n < windows.Count; n++)
        {
            var expected = forecaster.Forecast(windows[n]);
            Assert.Equal(expected.Length, onnx[n].Length);
            for (var i = 0; i < expected.Length; i++)
            {
                max = Math.Max(max, Math.Abs(onnx[n][i] - expected[i]) / Math.Max(windows[n][^1], Math.Abs(expected[i])));
            }
        }

        return max;
    }

    /// <summary><paramref name="count"/> windows of <paramref name="lookback"/> prices, every third start of a random walk scaled to <paramref name="level"/>.</summary>
    public static double[][] Windows(int count, int lookback, double level, int seed)
    {
        var prices = SyntheticSeries.RandomWalk((3 * count) + lookback, seed);
        return [.. Enumerable.Range(0, count).Select(n => prices.Skip(3 * n).Take(lookback).Select(price => price * level / 100).ToArray())];
    }
}
