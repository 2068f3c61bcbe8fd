using TradingPlatform.Forecasting.Evaluation;

namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// A run's summary: per step (index 0 is step 1) the quantiles, mean and probability above the last price; the risk
/// figures at the horizon; and, when the request sets a stop-loss or take-profit, the barrier probabilities. Reports
/// the backend and device that simulated it.
/// </summary>
public sealed class MonteCarloResult
{
    internal MonteCarloResult(
        MonteCarloBackend backend,
        string deviceName,
        int paths,
        IReadOnlyList<double> quantileLevels,
        IReadOnlyList<MonteCarloStep> steps,
        MonteCarloRisk risk,
        MonteCarloBarriers? barriers)
    {
        Backend = backend;
        DeviceName = deviceName;
        Paths = paths;
        QuantileLevels = quantileLevels;
        Steps = steps;
        Risk = risk;
        Barriers = barriers;
    }

    public MonteCarloBackend Backend { get; }

    public string DeviceName { get; }

    public int Paths { get; }

    public IReadOnlyList<double> QuantileLevels { get; }

    public IReadOnlyList<MonteCarloStep> Steps { get; }

    public MonteCarloRisk Risk { get; }

    public MonteCarloBarriers? Barriers { get; }

    /// <summary>
    /// The interval between two of the requested quantile levels at <paramref name="step"/> (1 … H), for example
    /// 0.1 and 0.9 for an 80 % central interval, in the forecasting library's own type.
    /// </summary>
    public ForecastInterval Interval(int step, double lowerLevel, double upperLevel)
    {
        if (step < 1 || step > Steps.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"Step must be in 1 … {Steps.Count}.");
        }

        var lower = LevelIndex(lowerLevel, nameof(lowerLevel));
        var upper = LevelIndex(upperLevel, nameof(upperLevel));
        if (lowerLevel > upperLevel)
        {
            throw new ArgumentException($"The lower level {lowerLevel} is above the upper level {upperLevel}.", nameof(lowerLevel));
        }

        var quantiles = Steps[step - 1].Quantiles;
        return new ForecastInterval(quantiles[lower], quantiles[upper]);
    }

    private int LevelIndex(double level, string name)
    {
        for (var i = 0; i < QuantileLevels.Count; i++)
        {
            if (Math.Abs(QuantileLevels[i] - level) < 1e-12)
            {
                return i;
            }
        }

        throw new ArgumentException($"Level {level} was not among the requested quantile levels ({string.Join(", ", QuantileLevels)}).", name);
    }
}
