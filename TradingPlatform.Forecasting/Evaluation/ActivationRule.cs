using System.Globalization;

namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// Evaluation before activation: a model clearly worse than the random walk on the held-out windows is stored but
/// not activated, unless an admin forces it. Clearly worse means either
/// <list type="bullet">
/// <item>its MASE is more than <see cref="MaseRatioLimit"/> times the random walk's on the same windows (MASE
/// relative to the random walk above 1.05), or</item>
/// <item>the Diebold–Mariano test against the random walk says it is significantly worse: a positive statistic with
/// a two-sided p below <see cref="Significance"/>.</item>
/// </list>
/// The limit is on the ratio rather than on MASE itself because MASE's scale is the in-sample one-step error: for an
/// H-step forecast of a random walk even the random walk's own MASE is about the mean of √h over the steps (above 1
/// for H &gt; 1), so "MASE above 1.05" can only mean worse than the random walk by 5 %; for H = 1 the two agree.
/// </summary>
public static class ActivationRule
{
    /// <summary>The largest model MASE ÷ random-walk MASE a model may have and still be activated.</summary>
    public const double MaseRatioLimit = 1.05;

    /// <summary>The Diebold–Mariano test's level: a p-value below it with a positive statistic refuses the model.</summary>
    public const double Significance = 0.05;

    /// <param name="model">The model's metrics on the held-out windows.</param>
    /// <param name="randomWalk">The random walk's on the same windows (with the same MASE season).</param>
    /// <param name="seasonalNaive">The seasonal naive's on the same windows, cited in the reason; null to leave it out.</param>
    /// <param name="versusRandomWalk">Diebold–Mariano with the model's errors first and the random walk's second.</param>
    /// <param name="force">An admin's override: activate whatever the figures, and say so.</param>
    public static ActivationDecision Decide(PointMetrics model, PointMetrics randomWalk, PointMetrics? seasonalNaive, DieboldMarianoResult versusRandomWalk, bool force)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(randomWalk);
        ArgumentNullException.ThrowIfNull(versusRandomWalk);
        if (!(randomWalk.Mase > 0) || !double.IsFinite(randomWalk.Mase) || !double.IsFinite(model.Mase))
        {
            throw new ArgumentException($"The MASEs must be finite and the random walk's above 0 to compare them; they were {model.Mase} (model) and {randomWalk.Mase} (random walk).", nameof(randomWalk));
        }

        var ratio = model.Mase / randomWalk.Mase;
        var tooHigh = ratio > MaseRatioLimit;
        var worse = versusRandomWalk.ModelSignificantlyWorse(Significance);
        var figures = Figures(model, randomWalk, seasonalNaive, versusRandomWalk, ratio, tooHigh, worse);
        var passes = !tooHigh && !worse;
        var reason = (passes, force) switch
        {
            (true, false) => "Activated: not clearly worse than the random walk. ",
            (false, false) => "Not activated (stored only): clearly worse than the random walk. ",
            (true, true) => "Activated, forced by an admin (the rule would have activated it too). ",
            (false, true) => "Activated because an admin forced it, although the rule would not have: it is clearly worse than the random walk. ",
        };
        return new ActivationDecision(passes || force, force, reason + figures);
    }

    private static string Figures(PointMetrics model, PointMetrics randomWalk, PointMetrics? seasonalNaive, DieboldMarianoResult dm, double ratio, bool tooHigh, bool worse)
    {
        var culture = CultureInfo.InvariantCulture;
        var seasonal = seasonalNaive is null ? string.Empty : string.Create(culture, $", the seasonal naive's {seasonalNaive.Mase:F3}");
        var maseVerdict = tooHigh ? "above" : "within";
        var dmLoss = dm.Loss == DieboldMarianoLoss.SquaredError ? "squared" : "absolute";
        var dmVerdict = worse ? "significantly worse" : "not significantly worse";
        return string.Create(culture,
            $"On {model.WindowCount} held-out windows: MASE {model.Mase:F3} against the random walk's {randomWalk.Mase:F3}{seasonal} (ratio {ratio:F3}, {maseVerdict} the limit {MaseRatioLimit:F2}); "
            + $"sMAPE {model.SMape:F3} % against {randomWalk.SMape:F3} %; MAE {model.Mae:G4} against {randomWalk.Mae:G4}; "
            + $"Diebold–Mariano ({dmLoss} error, h = {dm.Horizon}, n = {dm.Count}) statistic {dm.Statistic:F3}, p = {dm.PValue:G3}: {dmVerdict} than the random walk at {Significance:P0}.");
    }
}
