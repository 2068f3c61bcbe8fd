using System.Globalization;

namespace TradingPlatform.Bench.Backtest;

/// <param name="Runs">Timed runs after the warm-up; the report shows their median and range.</param>
/// <param name="Bars">Minute bars in the backtest (1,000,000 by default: the target is that many in 100 ms).</param>
/// <param name="Seed">The history generator's seed.</param>
/// <param name="Sweep">Also run the parameter-sweep section (not yet measured).</param>
/// <param name="Allocations">After the timed runs, one more with allocation sampling, printed by type.</param>
internal sealed record BenchOptions(int Runs, int Bars, int Seed, bool Sweep, bool Allocations)
{
    public static BenchOptions Parse(string[] args)
    {
        var runs = 5;
        var bars = 1_000_000;
        var seed = 42;
        var sweep = false;
        var allocations = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--runs" when value is not null:
                    runs = int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--bars" when value is not null:
                    bars = int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--seed" when value is not null:
                    seed = int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--sweep":
                    sweep = true;
                    break;
                case "--allocations":
                    allocations = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'; use --runs N, --bars N, --seed N, --sweep, --allocations.");
            }
        }

        return new BenchOptions(Math.Max(1, runs), Math.Max(100, bars), seed, sweep, allocations);
    }
}
