namespace TradingPlatform.Forecasting.Gpu.Tests;

/// <summary>
/// The residual bootstrap uses the supplied residuals and nothing else. With the residuals 1 and −0.5 every step
/// multiplies by exactly 2 or ½ (powers of two, so no rounding), and the reachable prices at step h are exactly
/// F_h · 2ʲ for j in {−h, −h + 2, …, h}.
/// </summary>
public sealed class BootstrapTests
{
    private const double Last = 100;

    [Fact]
    public void Without_a_forecast_each_step_multiplies_the_price_by_one_plus_a_residual_exactly()
    {
        var request = MonteCarloRequest.ResidualBootstrap(Last, [1.0, -0.5], paths: 2000, steps: 5, seed: 51);
        var simulation = Simulations.Cpu(request);

        for (var path = 0; path < request.Paths; path++)
        {
            var previous = Last;
            for (var h = 1; h <= request.Steps; h++)
            {
                var price = simulation.Price(path, h);
                Assert.Contains(price / previous, new[] { 2.0, 0.5 });
                previous = price;
            }
        }

        var reachable = Enumerable.Range(0, 6).Select(k => Last * Math.Pow(2, (2 * k) - 5)).ToHashSet();
        var atHorizon = Enumerable.Range(0, request.Paths).Select(p => simulation.Price(p, 5)).ToHashSet();
        Assert.Equal(reachable, atHorizon);
    }

    [Fact]
    public void Around_a_forecast_the_price_is_the_forecast_times_the_compounded_residuals()
    {
        double[] forecast = [101, 103, 102, 106];
        var request = MonteCarloRequest.ResidualBootstrap(Last, [1.0, -0.5], paths: 500, steps: 4, seed: 52, forecast);
        var simulation = Simulations.Cpu(request);

        for (var h = 1; h <= 4; h++)
        {
            var reachable = Enumerable.Range(0, h + 1).Select(k => forecast[h - 1] * Math.Pow(2, (2 * k) - h)).ToHashSet();
            var prices = Enumerable.Range(0, request.Paths).Select(p => simulation.Price(p, h)).ToHashSet();
            Assert.Equal(reachable, prices);
        }
    }

    [Fact]
    public void One_residual_gives_one_path_and_a_zero_residual_gives_the_forecast_itself()
    {
        double[] forecast = [101, 102.5, 99, 104];
        var zero = Simulations.Run(MonteCarloRequest.ResidualBootstrap(Last, [0.0], paths: 7, steps: 4, seed: 53, forecast));
        var constant = Simulations.Cpu(MonteCarloRequest.ResidualBootstrap(Last, [0.01], paths: 7, steps: 4, seed: 53));

        for (var h = 1; h <= 4; h++)
        {
            Assert.All(zero.Steps[h - 1].Quantiles, q => Assert.Equal(forecast[h - 1], q));
            var growth = 1.0;
            for (var j = 0; j < h; j++)
            {
                growth *= 1.01;
            }

            Assert.All(Enumerable.Range(0, 7), p => Assert.Equal(Last * growth, constant.Price(p, h)));
        }
    }

    [Fact]
    public void Residuals_are_drawn_uniformly()
    {
        var request = MonteCarloRequest.ResidualBootstrap(Last, [-0.01, 0.0, 0.02], paths: 6000, steps: 3, seed: 54);
        var simulation = Simulations.Cpu(request);
        var error = 4 * Math.Sqrt((1.0 / 3) * (2.0 / 3) / request.Paths);

        for (var h = 1; h <= 3; h++)
        {
            var ratios = Enumerable.Range(0, request.Paths).Select(p => simulation.Price(p, h) / (h == 1 ? Last : simulation.Price(p, h - 1))).ToArray();
            foreach (var factor in new[] { 0.99, 1.0, 1.02 })
            {
                var share = ratios.Count(r => Math.Abs(r - factor) < 1e-12) / (double)request.Paths;
                Assert.InRange(share, (1.0 / 3) - error, (1.0 / 3) + error);
            }
        }
    }
}
