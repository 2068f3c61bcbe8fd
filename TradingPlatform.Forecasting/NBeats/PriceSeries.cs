namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// The checks and the scaling shared by training and forecasting. Each window is divided by its last input price, so
/// that the network sees inputs ending at exactly 1 and targets as ratios to the last known price, whatever the
/// instrument's price level; a forecast is multiplied back by that price.
/// </summary>
internal static class PriceSeries
{
    /// <summary>
    /// Throws when a price is NaN, infinite, zero or negative, naming its index in the caller's series
    /// (<paramref name="firstIndex"/> is the index of <paramref name="prices"/>[0] there).
    /// </summary>
    public static void ThrowIfInvalid(ReadOnlySpan<double> prices, string paramName, int firstIndex = 0)
    {
        for (var i = 0; i < prices.Length; i++)
        {
            var price = prices[i];
            if (!double.IsFinite(price) || price <= 0)
            {
                throw new ArgumentException($"{paramName}[{firstIndex + i}] is {price}; every price must be finite and above 0.", paramName);
            }
        }
    }

    /// <summary>destination = source / scale.</summary>
    public static void Normalize(ReadOnlySpan<double> source, double scale, Span<double> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i] / scale;
        }
    }
}
