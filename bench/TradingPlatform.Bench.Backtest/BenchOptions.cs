using System.Globalization;

namespace TradingPlatform.Bench.Backtest;

/// <param name="Runs">Timed runs after the warm-up; the report shows their median and range.</param>
/// <param name="Bars">Minute bars in the backtest (1,000,000 by default: the target is that many in 100 ms).</param>
/// <param name="Seed">The history generator's seed.</param>
/// <param name="Allocations">After the timed runs, one more with allocation sampling, printed by type.</param>
/// <param name="Sweep">Run the parameter-sweep section (on by default; --no-sweep leaves it out).</param>
/// <param name="SweepRuns">Timed sweep runs (each backend); the report shows their median.</param>
/// <param name="SweepCombinations">Valid combinations in the sweep's grid (10,000 by default: fast 1..100 × slow 101..200).</param>
/// <param name="SweepBars">Minute bars in the sweep (100,000 by default).</param>
internal sealed record BenchOptions(int Runs, int Bars, int Seed, bool Allocations, bool Sweep, int SweepRuns, int SweepCombinations, int SweepBars)
{
    public static BenchOptions Parse(string[] args)
    {
        var runs = 5;
        var bars = 1_000_000;
        var seed = 42;
        var allocations = false;
        var sweep = true;
        var sweepRuns = 3;
        var sweepCombinations = 10_000;
        var sweepBars = 100_000;
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
                case "--no-sweep":
                    sweep = false;
                    break;
                case "--sweep-runs" when value is not null:
                    sweepRuns = int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--sweep-combinations" when value is not null:
                    sweepCombinations = int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--sweep-bars" when value is not null:
                    sweepBars = int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--allocations":
                    allocations = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'; use --runs N, --bars N, --seed N, --allocations, --no-sweep, --sweep-runs N, --sweep-combinations N, --sweep-bars N.");
            }
        }

        return new BenchOptions(Math.Max(1, runs), Math.Max(100, bars), seed, allocations, sweep, Math.Max(1, sweepRuns), Math.Max(1, sweepCombinations), Math.Max(1_000, sweepBars));
    }
}
