using System.Globalization;

namespace TradingPlatform.Forecasting.Gpu;

/// <summary>The checks every backend runs before it simulates: bad input fails with a message naming the field, not with NaN paths.</summary>
internal static class MonteCarloChecks
{
    public static void Validate(MonteCarloRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string name = nameof(request);
        if (request.Paths <= 0)
        {
            throw new ArgumentException($"Paths must be at least 1 (was {request.Paths}).", name);
        }

        if (request.Steps <= 0)
        {
            throw new ArgumentException($"Steps must be at least 1 (was {request.Steps}).", name);
        }

        if ((long)request.Paths * request.Steps > MonteCarloRequest.MaxValues)
        {
            throw new ArgumentException($"Paths × Steps = {(long)request.Paths * request.Steps} exceeds {MonteCarloRequest.MaxValues} values per run; use fewer paths or steps.", name);
        }

        if (!double.IsFinite(request.LastPrice) || request.LastPrice <= 0)
        {
            throw new ArgumentException($"LastPrice must be finite and above 0 (was {Format(request.LastPrice)}).", name);
        }

        if (request.Model == MonteCarloModel.GeometricBrownianMotion)
        {
            if (!double.IsFinite(request.Drift))
            {
                throw new ArgumentException($"Drift must be finite (was {Format(request.Drift)}).", name);
            }

            if (!double.IsFinite(request.Volatility) || request.Volatility < 0)
            {
                throw new ArgumentException($"Volatility must be finite and at least 0 (was {Format(request.Volatility)}).", name);
            }
        }
        else
        {
            Bootstrap(request, name);
        }

        if (request.QuantileLevels is null)
        {
            throw new ArgumentException("QuantileLevels must not be null.", name);
        }

        foreach (var level in request.QuantileLevels)
        {
            if (!(level > 0 && level < 1))
            {
                throw new ArgumentException($"Quantile level {Format(level)} is outside (0, 1).", name);
            }
        }

        if (request.StopLoss is { } stop && !(double.IsFinite(stop) && stop > 0 && stop < request.LastPrice))
        {
            throw new ArgumentException($"StopLoss must be above 0 and below the last price {Format(request.LastPrice)} (was {Format(stop)}).", name);
        }

        if (request.TakeProfit is { } take && !(double.IsFinite(take) && take > request.LastPrice))
        {
            throw new ArgumentException($"TakeProfit must be finite and above the last price {Format(request.LastPrice)} (was {Format(take)}).", name);
        }
    }

    private static void Bootstrap(MonteCarloRequest request, string name)
    {
        if (request.Residuals is not { Count: > 0 } residuals)
        {
            throw new ArgumentException("The residual bootstrap needs at least one residual (Residuals is empty).", name);
        }

        for (var i = 0; i < residuals.Count; i++)
        {
            if (!double.IsFinite(residuals[i]) || residuals[i] <= -1)
            {
                throw new ArgumentException($"Residual {i} must be finite and above −1, so that 1 + r keeps the price positive (was {Format(residuals[i])}).", name);
            }
        }

        if (request.Forecast is not { } forecast)
        {
            return;
        }

        if (forecast.Count != request.Steps)
        {
            throw new ArgumentException($"The forecast has {forecast.Count} values for {request.Steps} steps.", name);
        }

        for (var h = 0; h < forecast.Count; h++)
        {
            if (!double.IsFinite(forecast[h]) || forecast[h] <= 0)
            {
                throw new ArgumentException($"Forecast value {h} must be finite and above 0 (was {Format(forecast[h])}).", name);
            }
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
