namespace TradingPlatform.Forecasting.Tests.Support;

/// <summary>Deterministic price series for the tests.</summary>
internal static class SyntheticSeries
{
    /// <summary>100 + 0.01 t + 3 sin(2π t / 20): a trend and a 20-step cycle, fully predictable from its past.</summary>
    public static double[] SineWithTrend(int count) =>
        [.. Enumerable.Range(0, count).Select(t => 100 + (0.01 * t) + (3 * Math.Sin(2 * Math.PI * t / 20)))];

    /// <summary>A geometric random walk from 100 with 1 % steps: nothing beyond the last price is predictable.</summary>
    public static double[] RandomWalk(int count, int seed)
    {
        var random = new Random(seed);
        var prices = new double[count];
        var price = 100.0;
        for (var t = 0; t < count; t++)
        {
            price *= Math.Exp(0.01 * ((2 * random.NextDouble()) - 1));
            prices[t] = price;
        }

        return prices;
    }

    /// <summary>Values drawn uniformly from [low, high), for inputs and targets of the gradient checks.</summary>
    public static double[] Uniform(int count, double low, double high, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => low + ((high - low) * random.NextDouble()))];
    }
}
