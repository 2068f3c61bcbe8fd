namespace TradingPlatform.Forecasting.Gpu;

/// <summary>How a Monte Carlo path moves from one step to the next.</summary>
public enum MonteCarloModel
{
    /// <summary>
    /// Geometric Brownian motion with drift μ and volatility σ per step: log(Sₕ / Sₕ₋₁) = (μ − σ²/2) + σ·Z with Z
    /// standard normal, so E[Sₕ] = S₀·e^(μh) and log(Sₕ / S₀) ~ N((μ − σ²/2)·h, σ²·h).
    /// </summary>
    GeometricBrownianMotion,

    /// <summary>
    /// A residual bootstrap: each step draws a relative return r uniformly, with replacement, from the supplied
    /// empirical residuals, and the path is Sₕ = Fₕ · Π₍ⱼ≤ₕ₎ (1 + rⱼ), where Fₕ is the supplied point forecast
    /// (or the last price at every step when there is none).
    /// </summary>
    ResidualBootstrap,
}
