using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Tests.Optimization;

/// <summary>
/// Seeded random-walk bars with what a sweep's fast path must get right: trends and reversals (so crossovers trade),
/// gaps at the open (through stops), occasional jumps (liquidations), and bars whose open, high, low or close coincide
/// (the engine skips a path price equal to the one before it). Prices are on a 0.01 grid.
/// </summary>
internal static class SyntheticBars
{
    public static IReadOnlyList<Candle> Create(string symbol, CandleInterval interval, DateTimeOffset start, int count, int seed, double startPrice = 100, double volatility = 0.004)
    {
        var random = new Random(seed);
        var bars = new List<Candle>(count);
        var close = startPrice;
        var drift = 0.0;
        for (var i = 0; i < count; i++)
        {
            if (i % 150 == 0)
            {
                // A new regime now and then, so that averages cross for real rather than on noise alone.
                drift = (random.NextDouble() - 0.5) * volatility * 0.6;
            }

            var gap = random.NextDouble() < 0.02 ? Normal(random) * volatility * 4 : Normal(random) * volatility * 0.2;
            if (random.NextDouble() < 0.003)
            {
                gap += (random.NextDouble() < 0.5 ? -1 : 1) * 0.08;
            }

            var open = close * (1 + gap);
            var next = open * (1 + drift + (Normal(random) * volatility));
            var high = Math.Max(open, next) * (1 + (Math.Abs(Normal(random)) * volatility * 0.5));
            var low = Math.Min(open, next) * (1 - (Math.Abs(Normal(random)) * volatility * 0.5));
            var shape = random.NextDouble();
            if (shape < 0.05)
            {
                high = Math.Max(open, next);
            }
            else if (shape < 0.10)
            {
                low = Math.Min(open, next);
            }
            else if (shape < 0.12)
            {
                next = open;
            }

            var (o, h, l, c) = (Price(open), Price(high), Price(low), Price(next));
            bars.Add(new Candle(symbol, interval, start + (interval.Duration * i), o, Math.Max(h, Math.Max(o, c)), Math.Min(l, Math.Min(o, c)), c, 1000m));
            close = next;
        }

        return bars;
    }

    private static decimal Price(double value) => Math.Max(0.01m, Math.Round((decimal)value, 2));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
