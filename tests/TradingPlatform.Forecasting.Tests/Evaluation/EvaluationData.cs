using TradingPlatform.Forecasting.Evaluation;

namespace TradingPlatform.Forecasting.Tests.Evaluation;

/// <summary>Windows and noise for the evaluation tests, all from seeded generators.</summary>
internal static class EvaluationData
{
    public static EvaluationWindow Window(double[] history, double[] actual) => new(history, actual);

    /// <summary>A standard normal draw by Box–Muller from two uniforms (1 − u keeps the logarithm away from 0).</summary>
    public static double Gaussian(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>
    /// <paramref name="count"/> independent windows around the known signal s(t) = 100 + 5 sin(2π t / 37), window i
    /// starting at t = 3i: a history of 5 and an actual of <paramref name="horizon"/> values, each s(t) plus i.i.d.
    /// N(0, 0.5²) noise; the forecast is the signal itself, so the forecast errors are exactly the noise.
    /// </summary>
    public static (EvaluationWindow[] Windows, double[][] Forecasts) NoisySignal(int count, int horizon, Random random)
    {
        static double Signal(int t) => 100 + (5 * Math.Sin(2 * Math.PI * t / 37));
        var windows = new EvaluationWindow[count];
        var forecasts = new double[count][];
        for (var i = 0; i < count; i++)
        {
            var start = 3 * i;
            var history = Enumerable.Range(start, 5).Select(t => Signal(t) + (0.5 * Gaussian(random))).ToArray();
            var actual = Enumerable.Range(start + 5, horizon).Select(t => Signal(t) + (0.5 * Gaussian(random))).ToArray();
            windows[i] = new EvaluationWindow(history, actual);
            forecasts[i] = [.. Enumerable.Range(start + 5, horizon).Select(Signal)];
        }

        return (windows, forecasts);
    }
}
