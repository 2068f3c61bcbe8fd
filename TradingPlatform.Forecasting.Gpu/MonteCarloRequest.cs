namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// What to simulate: the model and its parameters (set by <see cref="GeometricBrownianMotion"/> or
/// <see cref="ResidualBootstrap"/>), the number of paths and steps, the seed, the quantile levels to report and the
/// optional stop-loss and take-profit levels. The engine checks it when it runs (<see cref="ArgumentException"/>
/// naming the field), so a request changed with <c>with</c> is checked as well.
/// </summary>
public sealed record MonteCarloRequest
{
    private MonteCarloRequest(MonteCarloModel model, double lastPrice, int paths, int steps, ulong seed)
    {
        Model = model;
        LastPrice = lastPrice;
        Paths = paths;
        Steps = steps;
        Seed = seed;
    }

    public MonteCarloModel Model { get; }

    /// <summary>S₀, the price every path starts from (above 0).</summary>
    public double LastPrice { get; init; }

    /// <summary>N, the number of paths (at least 1; N × H at most <see cref="MaxValues"/>).</summary>
    public int Paths { get; init; }

    /// <summary>H, the number of steps after the last price (at least 1).</summary>
    public int Steps { get; init; }

    /// <summary>The generator's key: the same seed gives the same paths on every backend and thread count.</summary>
    public ulong Seed { get; init; }

    /// <summary>μ per step (geometric Brownian motion only).</summary>
    public double Drift { get; private init; }

    /// <summary>σ per step, at least 0 (geometric Brownian motion only).</summary>
    public double Volatility { get; private init; }

    /// <summary>The relative one-step residuals the bootstrap draws from (each finite and above −1).</summary>
    public IReadOnlyList<double>? Residuals { get; private init; }

    /// <summary>The point forecast F₁ … F_H the bootstrap varies around; null for the last price at every step.</summary>
    public IReadOnlyList<double>? Forecast { get; private init; }

    /// <summary>The quantile levels reported per step, each in (0, 1); 10 %, 50 % and 90 % unless set.</summary>
    public IReadOnlyList<double> QuantileLevels { get; init; } = [0.1, 0.5, 0.9];

    /// <summary>A stop-loss level below the last price, or null; a path touches it at the first step with Sₕ ≤ level.</summary>
    public double? StopLoss { get; init; }

    /// <summary>A take-profit level above the last price, or null; a path touches it at the first step with Sₕ ≥ level.</summary>
    public double? TakeProfit { get; init; }

    /// <summary>The most values (paths × steps) one run holds: 2²⁶ doubles, 512 MB, kept to sort each step exactly.</summary>
    public const long MaxValues = 1L << 26;

    /// <summary>Geometric Brownian motion with drift μ and volatility σ per step (see <see cref="MonteCarloModel.GeometricBrownianMotion"/>).</summary>
    public static MonteCarloRequest GeometricBrownianMotion(double lastPrice, double drift, double volatility, int paths, int steps, ulong seed) =>
        new(MonteCarloModel.GeometricBrownianMotion, lastPrice, paths, steps, seed) { Drift = drift, Volatility = volatility };

    /// <summary>
    /// A bootstrap of relative one-step residuals (for example a forecaster's calibration residuals
    /// (y − ŷ) / last), optionally around a point forecast of <paramref name="steps"/> values (see
    /// <see cref="MonteCarloModel.ResidualBootstrap"/>). The lists are copied.
    /// </summary>
    public static MonteCarloRequest ResidualBootstrap(double lastPrice, IReadOnlyList<double> residuals, int paths, int steps, ulong seed, IReadOnlyList<double>? forecast = null)
    {
        ArgumentNullException.ThrowIfNull(residuals);
        return new(MonteCarloModel.ResidualBootstrap, lastPrice, paths, steps, seed)
        {
            Residuals = residuals.ToArray(),
            Forecast = forecast?.ToArray(),
        };
    }
}
