namespace TradingPlatform.Trading.Tests.Indicators;

/// <summary>
/// Reference implementations straight from the definitions, recomputed from the whole series or window for every
/// output (O(period) or O(n) each): nothing carried between outputs, so nothing to drift or to get wrong in an update.
/// The EMA and Wilder averages are written in closed form, as weighted sums of the inputs, rather than as the
/// recursion the streaming classes use. Each returns one output per input, NaN where the indicator is not ready.
/// </summary>
public static class NaiveIndicators
{
    public static double[] Sma(double[] values, int period) =>
        Outputs(values.Length, period - 1, t => Window(values, t, period).Average());

    public static double[] PopulationStandardDeviation(double[] values, int period) =>
        Outputs(values.Length, period - 1, t =>
        {
            var window = Window(values, t, period);
            var mean = window.Average();
            return Math.Sqrt(window.Sum(x => (x - mean) * (x - mean)) / period);
        });

    /// <summary>EMAₜ = (1 − α)^(t − p + 1) · SMA(first p) + Σₖ₌ₚ..ₜ α (1 − α)^(t − k) xₖ, with α = 2 / (p + 1).</summary>
    public static double[] Ema(double[] values, int period) =>
        SmoothedFromSeed(values, period, 2.0 / (period + 1));

    /// <summary>100 · avg gain / (avg gain + avg loss) over the changes, Wilder-smoothed (α = 1 / p) from the mean of the first p; 50 when both are 0.</summary>
    public static double[] Rsi(double[] closes, int period)
    {
        var changes = closes.Zip(closes.Skip(1), (previous, close) => close - previous).ToArray();
        var gains = SmoothedFromSeed(changes.Select(change => Math.Max(change, 0)).ToArray(), period, 1.0 / period);
        var losses = SmoothedFromSeed(changes.Select(change => Math.Max(-change, 0)).ToArray(), period, 1.0 / period);
        var rsi = gains.Zip(losses, (gain, loss) => gain + loss == 0 ? 50 : 100 * gain / (gain + loss));
        return [double.NaN, .. rsi];
    }

    public static (double[] Macd, double[] Signal) Macd(double[] values, int fast, int slow, int signal)
    {
        var fastEma = Ema(values, fast);
        var slowEma = Ema(values, slow);
        var macd = fastEma.Zip(slowEma, (f, s) => f - s).ToArray(); // NaN until the slow one is ready
        var signalLine = Ema(macd[(slow - 1)..], signal);
        return (macd, [.. Enumerable.Repeat(double.NaN, slow - 1), .. signalLine]);
    }

    public static (double[] Upper, double[] Lower) Donchian((double High, double Low)[] bars, int period)
    {
        var highs = bars.Select(bar => bar.High).ToArray();
        var lows = bars.Select(bar => bar.Low).ToArray();
        return (Outputs(bars.Length, period - 1, t => Window(highs, t, period).Max()),
                Outputs(bars.Length, period - 1, t => Window(lows, t, period).Min()));
    }

    // The weights α (1 − α)^j fall geometrically; once (1 − α)^j is below 1e-17 the rest of the sum cannot move the
    // result by a relative 1e-16, so the loop stops there instead of running back to the seed for every output.
    private static double[] SmoothedFromSeed(double[] values, int period, double alpha) =>
        Outputs(values.Length, period - 1, t =>
        {
            var result = Math.Pow(1 - alpha, t - period + 1) * Window(values, period - 1, period).Average();
            var decay = 1.0; // (1 − α)^(t − k)
            for (var k = t; k >= period && decay > 1e-17; k--)
            {
                result += alpha * decay * values[k];
                decay *= 1 - alpha;
            }

            return result;
        });

    private static ArraySegment<double> Window(double[] values, int last, int period) => new(values, last - period + 1, period);

    private static double[] Outputs(int count, int first, Func<int, double> output) =>
        Enumerable.Range(0, count).Select(t => t < first ? double.NaN : output(t)).ToArray();
}
