namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// The running live score of one model version on one symbol and interval, over every user's served predictions:
/// how many are scored, unscorable and pending; the mean MAE and sMAPE (percent) of the scored ones; the interval
/// coverage pooled over their points (inside / points) beside the nominal level; and the trend hit rate over the
/// scored trend predictions whose price moved. The means are null while nothing is scored.
/// </summary>
public sealed record ModelScore(
    string Model,
    int ModelVersion,
    string Symbol,
    string Interval,
    long Scored,
    long Unscorable,
    long Pending,
    double? MeanMae,
    double? MeanSmape,
    double? IntervalCoverage,
    double NominalCoverage,
    long TrendScored,
    double? TrendHitRate);
