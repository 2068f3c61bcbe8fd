namespace TradingPlatform.Trading.Tests.Indicators;

/// <summary>
/// Equality to a relative tolerance, with the tolerance never smaller than <c>relative</c> itself, so that values near
/// zero (a MACD, a histogram) are compared absolutely rather than to a tolerance that rounding alone exceeds.
/// </summary>
public static class Approx
{
    public const double Relative = 1e-9;

    public static void Equal(double expected, double actual, double relative = Relative, string? context = null)
    {
        Assert.False(double.IsNaN(actual), $"NaN where {expected} was expected {context}");
        var tolerance = relative * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected:R}, got {actual:R} (off by {Math.Abs(expected - actual):E2}, tolerance {tolerance:E2}) {context}");
    }
}
