namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// The point errors of one forecaster over a set of windows (see <see cref="ForecastMetrics"/> for the definitions):
/// sMAPE in percent, MASE scaled by the seasonal naive of season <see cref="MaseSeason"/> in each window's history, MAE and
/// RMSE in the series' units.
/// </summary>
public sealed record PointMetrics(double SMape, double Mase, double Mae, double Rmse, int WindowCount, int MaseSeason);
