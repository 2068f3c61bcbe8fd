namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// Turns a backend's paths into a <see cref="MonteCarloResult"/> on the host, the same for every backend. Quantiles
/// are exact order statistics: each step's N prices are sorted in place (Parallel.For over steps, so the simulation
/// is consumed), which is why a run holds all N × H prices (at most <see cref="MonteCarloRequest.MaxValues"/>);
/// histograms would save the memory at the price of binning error in the tails that VaR and ES read.
/// </summary>
internal static class MonteCarloSummary
{
    public static MonteCarloResult Summarize(MonteCarloRequest request, MonteCarloSimulation simulation, MonteCarloBackend backend, string deviceName)
    {
        var paths = simulation.Paths;
        var prices = simulation.Prices;
        var last = request.LastPrice;
        var levels = request.QuantileLevels.ToArray();
        var steps = new MonteCarloStep[simulation.Steps];
        Parallel.For(0, simulation.Steps, step =>
        {
            var values = prices.AsSpan(step * paths, paths);
            var sum = 0.0;
            var above = 0;
            foreach (var value in values)
            {
                sum += value;
                above += value > last ? 1 : 0;
            }

            values.Sort();
            var quantiles = new double[levels.Length];
            for (var i = 0; i < levels.Length; i++)
            {
                quantiles[i] = Quantile(values, levels[i]);
            }

            steps[step] = new MonteCarloStep(step + 1, quantiles, sum / paths, (double)above / paths);
        });

        var horizon = prices.AsSpan((simulation.Steps - 1) * paths, paths);
        var (var95, es95) = Tail(horizon, last, 0.95);
        var (var99, es99) = Tail(horizon, last, 0.99);
        return new MonteCarloResult(backend, deviceName, paths, levels, steps, new MonteCarloRisk(var95, es95, var99, es99), Barriers(request, simulation));
    }

    /// <summary>Type 7: position (N − 1)·p between the order statistics around it.</summary>
    internal static double Quantile(ReadOnlySpan<double> sorted, double level)
    {
        var position = (sorted.Length - 1) * level;
        var below = (int)Math.Floor(position);
        var aboveIndex = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[aboveIndex] - sorted[below]));
    }

    /// <summary>VaR and ES at <paramref name="level"/> from the sorted horizon prices (see <see cref="MonteCarloRisk"/>).</summary>
    private static (double ValueAtRisk, double ExpectedShortfall) Tail(ReadOnlySpan<double> sortedHorizon, double last, double level)
    {
        // The small tolerance keeps an exact product such as 1000 · 0.05 from rounding up to 51 through a last-bit error.
        var k = Math.Max(1, (int)Math.Ceiling((sortedHorizon.Length * (1 - level)) - 1e-9));
        var sum = 0.0;
        for (var i = 0; i < k; i++)
        {
            sum += (sortedHorizon[i] / last) - 1;
        }

        return (-((sortedHorizon[k - 1] / last) - 1), -(sum / k));
    }

    private static MonteCarloBarriers? Barriers(MonteCarloRequest request, MonteCarloSimulation simulation)
    {
        if (request.StopLoss is null && request.TakeProfit is null)
        {
            return null;
        }

        int stop = 0, take = 0, stopFirst = 0, takeFirst = 0;
        for (var path = 0; path < simulation.Paths; path++)
        {
            var s = simulation.StopLossSteps[path];
            var t = simulation.TakeProfitSteps[path];
            stop += s > 0 ? 1 : 0;
            take += t > 0 ? 1 : 0;
            stopFirst += s > 0 && (t == 0 || s < t) ? 1 : 0;
            takeFirst += t > 0 && (s == 0 || t < s) ? 1 : 0;
        }

        double n = simulation.Paths;
        return new MonteCarloBarriers(request.StopLoss, request.TakeProfit, stop / n, take / n, stopFirst / n, takeFirst / n);
    }
}
