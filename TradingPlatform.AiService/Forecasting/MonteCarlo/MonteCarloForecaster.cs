using TradingPlatform.Forecasting.Gpu;
using TradingPlatform.ServiceDefaults.SystemInfo;

namespace TradingPlatform.AiService.Forecasting.MonteCarlo;

/// <summary>
/// Monte Carlo price paths around a point forecast, on the engine chosen once at start (the ILGPU kernel on a CUDA
/// device when one answers, plain C# on every core otherwise: see <see cref="MonteCarloEngine"/> for why the CPU
/// path is not ILGPU's CPU accelerator). Each path follows the forecast in expectation with σ per step from the
/// model's calibrated interval (<see cref="MonteCarloVolatility"/>, <see cref="MonteCarloInnovations"/>). A fixed seed
/// gives the same answer on every call and backend. Thread-safe.
/// </summary>
public sealed class MonteCarloForecaster(MonteCarloEngine engine)
{
    public MonteCarloInfo Info { get; } = new(engine.Backend.ToString(), engine.DeviceName, engine.GpuUnavailableReason);

    /// <summary>The problem with <paramref name="request"/> for a series whose last price is <paramref name="lastPrice"/> and a horizon of <paramref name="horizon"/> steps, or null.</summary>
    public static ForecastProblem? Check(ForecastMonteCarloRequest request, double lastPrice, int horizon)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Paths is { } paths && paths is < ForecastMonteCarloRequest.MinPaths or > ForecastMonteCarloRequest.MaxPaths)
        {
            return Bad("monteCarlo.paths", $"monteCarlo.paths must be between {ForecastMonteCarloRequest.MinPaths:N0} and {ForecastMonteCarloRequest.MaxPaths:N0} (was {paths}).");
        }

        if ((long)(request.Paths ?? ForecastMonteCarloRequest.DefaultPaths) * horizon > MonteCarloRequest.MaxValues)
        {
            return Bad("monteCarlo.paths", $"monteCarlo.paths × horizon may be at most {MonteCarloRequest.MaxValues:N0}; use fewer paths or a shorter horizon.");
        }

        if (request.Levels is { } levels)
        {
            if (levels.Count > ForecastMonteCarloRequest.MaxLevels)
            {
                return Bad("monteCarlo.levels", $"monteCarlo.levels has {levels.Count} entries; at most {ForecastMonteCarloRequest.MaxLevels}.");
            }

            var bad = levels.ToList().FindIndex(l => !(l > 0 && l < 1));
            if (bad >= 0)
            {
                return Bad("monteCarlo.levels", $"monteCarlo.levels[{bad}] is {levels[bad]}; every level must be in (0, 1).");
            }
        }

        if (request.StopLoss is { } stop && !(double.IsFinite(stop) && stop > 0 && stop < lastPrice))
        {
            return Bad("monteCarlo.stopLoss", $"monteCarlo.stopLoss must be above 0 and below the last price {lastPrice} (was {stop}).");
        }

        if (request.TakeProfit is { } take && !(double.IsFinite(take) && take > lastPrice))
        {
            return Bad("monteCarlo.takeProfit", $"monteCarlo.takeProfit must be finite and above the last price {lastPrice} (was {take}).");
        }

        return null;
    }

    /// <summary>
    /// Simulates paths from <paramref name="lastPrice"/> around <paramref name="forecast"/> (one value per step) with σ
    /// per step from the model's <paramref name="halfWidths"/> at <paramref name="intervalLevel"/>; <paramref name="request"/> passed <see cref="Check"/>.
    /// </summary>
    public ForecastMonteCarlo Simulate(double lastPrice, IReadOnlyList<double> forecast, IReadOnlyList<double> halfWidths, double intervalLevel,
        ForecastMonteCarloRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(request);
        var sigma = MonteCarloVolatility.FromHalfWidths(halfWidths, intervalLevel);
        return Simulate(lastPrice, forecast, sigma, intervalLevel, request, cancellationToken);
    }

    /// <summary>As above with σ per step given (the coverage tests' known volatility).</summary>
    internal ForecastMonteCarlo Simulate(double lastPrice, IReadOnlyList<double> forecast, double sigma, double intervalLevel,
        ForecastMonteCarloRequest request, CancellationToken cancellationToken = default)
    {
        var levels = Levels(intervalLevel, request.Levels);
        var paths = request.Paths ?? ForecastMonteCarloRequest.DefaultPaths;
        var seed = request.Seed ?? ForecastMonteCarloRequest.DefaultSeed;
        // A forecast at or below 0 (a network's output far off the price) cannot carry a multiplicative path: floor it.
        var basePath = forecast.Select(f => Math.Max(f, lastPrice * 1e-6)).ToArray();
        var simulation = MonteCarloRequest.ResidualBootstrap(lastPrice, MonteCarloInnovations.Returns(sigma), paths, forecast.Count, seed, basePath) with
        {
            QuantileLevels = levels,
            StopLoss = request.StopLoss,
            TakeProfit = request.TakeProfit,
        };
        var result = engine.Run(simulation, cancellationToken);
        var up = result.Steps[^1].ProbabilityAbove;
        return new ForecastMonteCarlo(result.Paths, seed, result.Backend.ToString(), result.DeviceName, sigma, result.QuantileLevels, result.Steps,
            up, 1 - up, result.Risk, result.Barriers);
    }

    /// <summary>The model interval's bounds, the median and the requested levels, ascending and distinct.</summary>
    internal static double[] Levels(double intervalLevel, IReadOnlyList<double>? requested) =>
        new[] { (1 - intervalLevel) / 2, 0.5, (1 + intervalLevel) / 2 }.Concat(requested ?? [])
            .Select(l => Math.Round(l, 12)).Distinct().Order().ToArray();

    private static ForecastProblem Bad(string field, string message) => new(400, field, message);
}
