namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// A Diebold–Mariano comparison of a model with a reference forecast (see <see cref="DieboldMariano"/>). The loss
/// differential is the model's loss minus the reference's, so a positive <see cref="Statistic"/> means the model's
/// errors are larger. <see cref="AutocovarianceLags"/> is h − 1, or 0 when the h − 1-lag variance came out
/// non-positive and the test fell back to h = 1.
/// </summary>
public sealed record DieboldMarianoResult(
    double Statistic, double PValue, double MeanLossDifferential, int Count, int Horizon, int AutocovarianceLags, DieboldMarianoLoss Loss)
{
    /// <summary>True when the model is significantly worse than the reference: a positive statistic with p below <paramref name="significance"/>.</summary>
    public bool ModelSignificantlyWorse(double significance) => Statistic > 0 && PValue < significance;
}
