namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// A checked request prepared for either backend: the scalars, the bootstrap's growth factors 1 + rᵢ and the base
/// path Fₕ (the last price at every step without a forecast). Geometric Brownian motion reads neither array; each has
/// at least one element so that the kernel never binds an empty buffer.
/// </summary>
internal sealed record PathInputs(PathConstants Constants, double[] Growth, double[] Base)
{
    public static PathInputs From(MonteCarloRequest request)
    {
        MonteCarloChecks.Validate(request);
        var bootstrap = request.Model == MonteCarloModel.ResidualBootstrap;
        var constants = new PathConstants
        {
            Bootstrap = bootstrap ? 1 : 0,
            Paths = request.Paths,
            Steps = request.Steps,
            LastPrice = request.LastPrice,
            LogDrift = request.Drift - (0.5 * request.Volatility * request.Volatility),
            Volatility = request.Volatility,
            Key0 = (uint)request.Seed,
            Key1 = (uint)(request.Seed >> 32),
            ResidualCount = bootstrap ? request.Residuals!.Count : 1,
            HasStopLoss = request.StopLoss.HasValue ? 1 : 0,
            StopLoss = request.StopLoss ?? 0,
            HasTakeProfit = request.TakeProfit.HasValue ? 1 : 0,
            TakeProfit = request.TakeProfit ?? 0,
        };
        var growth = bootstrap ? request.Residuals!.Select(r => 1.0 + r).ToArray() : [1.0];
        var basePath = request.Forecast?.ToArray() ?? Enumerable.Repeat(request.LastPrice, bootstrap ? request.Steps : 1).ToArray();
        return new PathInputs(constants, growth, basePath);
    }
}
