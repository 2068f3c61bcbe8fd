namespace TradingPlatform.Forecasting.Gpu.Tests;

/// <summary>Bad input fails before any path is simulated, with an <see cref="ArgumentException"/> that says what is wrong.</summary>
public sealed class ValidationTests
{
    private static readonly MonteCarloRequest Gbm = MonteCarloRequest.GeometricBrownianMotion(100, 0, 0.02, paths: 10, steps: 5, seed: 1);
    private static readonly MonteCarloRequest Bootstrap = MonteCarloRequest.ResidualBootstrap(100, [-0.01, 0.01], paths: 10, steps: 3, seed: 1);

    public static TheoryData<string, MonteCarloRequest, string> BadRequests => new()
    {
        { "no paths", Gbm with { Paths = 0 }, "Paths must be at least 1 (was 0)" },
        { "negative paths", Gbm with { Paths = -3 }, "Paths must be at least 1 (was -3)" },
        { "no steps", Gbm with { Steps = 0 }, "Steps must be at least 1 (was 0)" },
        { "too many values", Gbm with { Paths = 1 << 20, Steps = 65 }, "exceeds 67108864 values" },
        { "negative volatility", MonteCarloRequest.GeometricBrownianMotion(100, 0, -0.01, 10, 5, 1), "Volatility must be finite and at least 0 (was -0.01)" },
        { "NaN volatility", MonteCarloRequest.GeometricBrownianMotion(100, 0, double.NaN, 10, 5, 1), "Volatility must be finite and at least 0 (was NaN)" },
        { "NaN drift", MonteCarloRequest.GeometricBrownianMotion(100, double.NaN, 0.02, 10, 5, 1), "Drift must be finite (was NaN)" },
        { "zero price", Gbm with { LastPrice = 0 }, "LastPrice must be finite and above 0 (was 0)" },
        { "negative price", Bootstrap with { LastPrice = -5 }, "LastPrice must be finite and above 0 (was -5)" },
        { "NaN price", Gbm with { LastPrice = double.NaN }, "LastPrice must be finite and above 0 (was NaN)" },
        { "empty residuals", MonteCarloRequest.ResidualBootstrap(100, [], 10, 3, 1), "needs at least one residual" },
        { "NaN residual", MonteCarloRequest.ResidualBootstrap(100, [0.01, double.NaN], 10, 3, 1), "Residual 1 must be finite and above −1" },
        { "residual of −1", MonteCarloRequest.ResidualBootstrap(100, [-1.0], 10, 3, 1), "Residual 0 must be finite and above −1" },
        { "short forecast", MonteCarloRequest.ResidualBootstrap(100, [0.01], 10, 3, 1, [101, 102]), "The forecast has 2 values for 3 steps" },
        { "non-positive forecast", MonteCarloRequest.ResidualBootstrap(100, [0.01], 10, 3, 1, [101, 0, 102]), "Forecast value 1 must be finite and above 0" },
        { "level 0", Gbm with { QuantileLevels = [0.0, 0.5] }, "Quantile level 0 is outside (0, 1)" },
        { "level 1", Gbm with { QuantileLevels = [1.0] }, "Quantile level 1 is outside (0, 1)" },
        { "level 1.5", Gbm with { QuantileLevels = [0.5, 1.5] }, "Quantile level 1.5 is outside (0, 1)" },
        { "NaN level", Gbm with { QuantileLevels = [double.NaN] }, "Quantile level NaN is outside (0, 1)" },
        { "stop-loss above the price", Gbm with { StopLoss = 101 }, "StopLoss must be above 0 and below the last price 100" },
        { "take-profit below the price", Gbm with { TakeProfit = 99 }, "TakeProfit must be finite and above the last price 100" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Bad_input_is_an_argument_exception_with_a_clear_message(string label, MonteCarloRequest request, string message)
    {
        using var engine = MonteCarloEngine.Create(preferGpu: false);
        using var cpu = new MonteCarloPathsCpu();

        var failure = Assert.Throws<ArgumentException>(() => engine.Run(request));
        Assert.True(failure.Message.Contains(message, StringComparison.Ordinal), $"{label}: \"{failure.Message}\" does not say \"{message}\"");
        Assert.Equal("request", failure.ParamName);
        Assert.Throws<ArgumentException>(() => cpu.Simulate(request, default));
    }

    [Fact]
    public void A_null_request_or_residual_list_is_refused()
    {
        using var engine = MonteCarloEngine.Create(preferGpu: false);

        Assert.Throws<ArgumentNullException>(() => engine.Run(null!));
        Assert.Throws<ArgumentNullException>(() => MonteCarloRequest.ResidualBootstrap(100, null!, 10, 3, 1));
    }
}
