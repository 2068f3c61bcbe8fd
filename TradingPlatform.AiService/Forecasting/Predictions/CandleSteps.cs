namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>The length of one candle of each interval the models serve (<see cref="Training.TrainingRequest.Intervals"/>).</summary>
internal static class CandleSteps
{
    public static TimeSpan Of(string interval) => interval switch
    {
        "1m" => TimeSpan.FromMinutes(1),
        "5m" => TimeSpan.FromMinutes(5),
        "15m" => TimeSpan.FromMinutes(15),
        "1h" => TimeSpan.FromHours(1),
        "4h" => TimeSpan.FromHours(4),
        "1d" => TimeSpan.FromDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "Not an interval the models serve."),
    };
}
