namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// How far one prediction was off, from its predicted points and the realised closes of the same steps:
/// MAE = 1/H · Σ |yₕ − ŷₕ|; sMAPE = 200/H · Σ |yₕ − ŷₕ| / (|yₕ| + |ŷₕ|) in percent (a term with both 0 counts 0), as
/// the held-out evaluation computes them; how many yₕ fell inside [lowerₕ, upperₕ]; and for a trend whether the last
/// realised close moved from the anchor price the predicted way (null when it did not move at all).
/// </summary>
public sealed record ErrorFigures(double Mae, double Smape, int PointsInside, bool? DirectionHit)
{
    public static ErrorFigures Of(IReadOnlyList<ForecastPoint> points, IReadOnlyList<double> realised, double anchorPrice, string? direction)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(realised);
        if (points.Count == 0 || points.Count != realised.Count)
        {
            throw new ArgumentException($"{points.Count} predicted points and {realised.Count} realised closes; they must be as many, and at least one.", nameof(realised));
        }

        double absolute = 0, smape = 0;
        var inside = 0;
        for (var h = 0; h < points.Count; h++)
        {
            var (actual, predicted) = (realised[h], points[h].Value);
            var error = Math.Abs(actual - predicted);
            absolute += error;
            var scale = Math.Abs(actual) + Math.Abs(predicted);
            smape += scale == 0 ? 0 : 200 * error / scale;
            inside += actual >= points[h].Lower && actual <= points[h].Upper ? 1 : 0;
        }

        bool? hit = null;
        var moved = realised[^1] - anchorPrice;
        if (direction is not null && moved != 0)
        {
            hit = (direction == "up") == (moved > 0);
        }

        return new ErrorFigures(absolute / points.Count, smape / points.Count, inside, hit);
    }
}
