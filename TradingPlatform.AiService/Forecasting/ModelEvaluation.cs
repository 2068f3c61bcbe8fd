using TradingPlatform.Forecasting.Evaluation;
using TradingPlatform.Forecasting.NBeats;

namespace TradingPlatform.AiService.Forecasting;

/// <summary>
/// What the registry keeps of a model's held-out evaluation (<see cref="ForecastModel.Metrics"/>), and what the API
/// shows: the model's and the baselines' point metrics on the same windows, the coverage of its calibrated interval,
/// Diebold–Mariano against the random walk, the decision, and how training went.
/// </summary>
public sealed record ModelEvaluation(
    PointMetrics Model,
    PointMetrics RandomWalk,
    PointMetrics SeasonalNaive,
    int SeasonalNaiveSeason,
    double IntervalLevel,
    double IntervalCoverage,
    double IntervalMeanRelativeWidth,
    double DieboldMarianoStatistic,
    double DieboldMarianoPValue,
    bool Activated,
    bool Forced,
    string Decision,
    int BestEpoch,
    double BestValidationLoss,
    bool StoppedEarly,
    int TrainingWindows,
    int ValidationWindows,
    int TestWindows)
{
    public static ModelEvaluation From(ForecastEvaluation evaluation, NBeatsTrainingResult training)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(training);
        return new ModelEvaluation(
            evaluation.Model, evaluation.RandomWalk, evaluation.SeasonalNaive, evaluation.SeasonalNaiveSeason, evaluation.Coverage.Level,
            evaluation.Coverage.Overall, evaluation.Coverage.MeanRelativeWidth, evaluation.DieboldMariano.Statistic, evaluation.DieboldMariano.PValue,
            evaluation.Decision.Activate, evaluation.Decision.Forced, evaluation.Decision.Reason, training.BestEpoch, training.BestValidationLoss,
            training.StoppedEarly, training.TrainingWindows, training.ValidationWindows, evaluation.Model.WindowCount);
    }
}
