using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// A parameter sweep: one backtest (<see cref="Settings"/>, whose <see cref="BacktestSettings.Parameters"/> only names
/// the algorithm: each combination of <see cref="Grid"/> replaces them), the bars, and how to rank the results.
/// </summary>
public sealed record SweepRequest
{
    public required BacktestSettings Settings { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<Candle>> Candles { get; init; }

    public required ParameterGrid Grid { get; init; }

    public SweepObjective Objective { get; init; } = SweepObjective.Sharpe;

    public SweepConstraints Constraints { get; init; } = SweepConstraints.None;

    /// <summary>Threads for the CPU backends; every core when null.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    internal int Parallelism => Math.Max(1, MaxDegreeOfParallelism ?? Environment.ProcessorCount);

    /// <summary>The backtest of one combination.</summary>
    public BacktestSettings SettingsFor(ParameterCombination combination)
    {
        ArgumentNullException.ThrowIfNull(combination);
        return Settings with { Parameters = combination.Parameters };
    }

    /// <exception cref="ArgumentException">The settings' algorithm is not the grid's, or the constraints are invalid.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Settings);
        ArgumentNullException.ThrowIfNull(Candles);
        ArgumentNullException.ThrowIfNull(Grid);
        ArgumentNullException.ThrowIfNull(Constraints);
        if (!string.Equals(Settings.Parameters.Algorithm.Code, Grid.Algorithm.Code, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The backtest runs {Settings.Parameters.Algorithm.Code} but the grid is over {Grid.Algorithm.Code}'s parameters.", nameof(Grid));
        }

        Constraints.Validate();
        if (MaxDegreeOfParallelism is < 1)
        {
            throw new ArgumentException($"MaxDegreeOfParallelism must be at least 1; it was {MaxDegreeOfParallelism}.", nameof(MaxDegreeOfParallelism));
        }
    }
}
