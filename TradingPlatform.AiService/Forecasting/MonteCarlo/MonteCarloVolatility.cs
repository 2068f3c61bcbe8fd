using MathNet.Numerics.Distributions;

namespace TradingPlatform.AiService.Forecasting.MonteCarlo;

/// <summary>
/// σ per step for the paths, from the model's calibrated relative half-widths wₕ at its interval level L. Chosen over
/// the series' recent realised volatility because the half-widths are the model's own forecast errors measured out of
/// sample (split-conformal on its validation windows, the figure whose coverage the evaluation checked), and a
/// request's history may be no longer than the lookback, too short for a stable realised volatility. Reading wₕ as
/// z₍₁₊L₎/₂ · σₕ of a normal error, and the paths' variance growing as σ²·h (independent steps), the estimate is the
/// ratio σ² = Σ σₕ² / Σ h: the total calibrated variance over the total steps, exact for a random walk's √h widths.
/// </summary>
internal static class MonteCarloVolatility
{
    public static double FromHalfWidths(IReadOnlyList<double> halfWidths, double level)
    {
        ArgumentNullException.ThrowIfNull(halfWidths);
        if (halfWidths.Count == 0 || !(level > 0 && level < 1))
        {
            throw new ArgumentException($"Need at least one half-width and a level in (0, 1) (got {halfWidths.Count} and {level}).", nameof(halfWidths));
        }

        var z = Normal.InvCDF(0, 1, (1 + level) / 2);
        double variance = 0, steps = 0;
        for (var h = 0; h < halfWidths.Count; h++)
        {
            var sigma = halfWidths[h] / z;
            variance += sigma * sigma;
            steps += h + 1;
        }

        return Math.Sqrt(variance / steps);
    }
}
