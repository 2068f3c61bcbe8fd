namespace TradingPlatform.Forecasting.NBeats;

/// <summary>The element losses of <see cref="NBeatsLoss"/> and their gradients with respect to the forecast.</summary>
internal static class ForecastLoss
{
    /// <summary>
    /// Σᵢ loss(forecastᵢ, targetᵢ) over one sample's horizon. When <paramref name="gradient"/> is not empty it receives
    /// <paramref name="scale"/> · ∂loss/∂forecastᵢ (the caller's scale is 1 / (batch · horizon), making it the
    /// gradient of the batch mean). The sum is the same with or without the gradient, bit for bit.
    /// </summary>
    public static double Sum(NBeatsLoss loss, ReadOnlySpan<double> forecast, ReadOnlySpan<double> target, double scale, Span<double> gradient)
    {
        var withGradient = !gradient.IsEmpty;
        var sum = 0.0;
        for (var i = 0; i < forecast.Length; i++)
        {
            var error = forecast[i] - target[i];
            if (loss == NBeatsLoss.MeanSquaredError)
            {
                sum += error * error;
                if (withGradient)
                {
                    gradient[i] = 2 * error * scale;
                }
            }
            else
            {
                sum += Math.Abs(error);
                if (withGradient)
                {
                    gradient[i] = Math.Sign(error) * scale;
                }
            }
        }

        return sum;
    }
}
