namespace TradingPlatform.Trading.Tests.Indicators;

/// <summary>
/// Seeded random-walk closes (and bars around them) for the property tests: steps of up to ±<c>volatility</c> of the
/// price, rounded to a tick so that equal consecutive values (flat changes, tied highs and lows) occur too.
/// </summary>
public static class PriceSeries
{
    public static double[] Closes(int seed, int count, double start = 100, double volatility = 0.01, double tick = 0.01)
    {
        var random = new Random(seed);
        var closes = new double[count];
        var price = start;
        for (var i = 0; i < count; i++)
        {
            price *= 1 + volatility * (2 * random.NextDouble() - 1);
            closes[i] = Math.Round(price / tick) * tick;
        }

        return closes;
    }

    /// <summary>Bars whose high and low are up to 1% above and below the close, also on the tick.</summary>
    public static (double High, double Low)[] Bars(int seed, int count)
    {
        var random = new Random(seed + 1_000);
        return Closes(seed, count)
            .Select(close => (Math.Round(close * (1 + 0.01 * random.NextDouble()), 2), Math.Round(close * (1 - 0.01 * random.NextDouble()), 2)))
            .ToArray();
    }
}
