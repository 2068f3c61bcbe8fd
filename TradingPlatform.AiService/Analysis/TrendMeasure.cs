namespace TradingPlatform.AiService.Analysis;

/// <summary>
/// The least-squares line through the closes against the bar index: its slope per bar, the change it implies over the
/// window as a percentage of the mean close, and R² (the share of the closes' variance the line explains, 0..1).
/// <list type="bullet">
/// <item>direction: <c>bullish</c> when the change is above <see cref="FlatPercent"/> and R² is at least
/// <see cref="MinRSquared"/>; <c>bearish</c> the mirror; <c>sideways</c> otherwise;</item>
/// <item>strength: R² for a bullish or bearish trend, 0 for sideways.</item>
/// </list>
/// </summary>
public sealed record TrendMeasure(double Slope, double ChangePercent, double RSquared, string Direction, double Strength)
{
    public const double FlatPercent = 0.2;
    public const double MinRSquared = 0.3;

    public static TrendMeasure Of(IReadOnlyList<double> closes)
    {
        ArgumentNullException.ThrowIfNull(closes);
        var n = closes.Count;
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        var meanX = (n - 1) / 2.0;
        var meanY = closes.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = i - meanX;
            var dy = closes[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        var slope = sxy / sxx;
        var r2 = syy == 0 ? 0 : sxy * sxy / (sxx * syy);
        var change = 100 * slope * (n - 1) / meanY;
        var direction = r2 < MinRSquared || Math.Abs(change) <= FlatPercent ? "sideways" : change > 0 ? "bullish" : "bearish";
        return new TrendMeasure(slope, change, r2, direction, direction == "sideways" ? 0 : r2);
    }

    /// <summary>−strength for bearish, +strength for bullish, 0 sideways.</summary>
    public double Score => Direction switch { "bullish" => Strength, "bearish" => -Strength, _ => 0 };
}
