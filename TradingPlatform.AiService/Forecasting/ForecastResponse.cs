using System.Text.Json.Serialization;
using TradingPlatform.AiService.Forecasting.MonteCarlo;

namespace TradingPlatform.AiService.Forecasting;

/// <summary>A forecast: one point per step with its calibrated interval, and what made it.</summary>
public sealed record ForecastResponse(string Symbol, string Interval, double LastPrice, IReadOnlyList<ForecastPoint> Forecast, ForecastMeta Meta)
{
    /// <summary>
    /// The open time of the candle whose close is <see cref="LastPrice"/>, when the forecast read the stored closes
    /// (null for a history the caller sent). Not part of the answer: the stored prediction's anchor.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? LastTime { get; init; }

    /// <summary>The Monte Carlo paths around the forecast when the request asked for them; absent from the JSON otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ForecastMonteCarlo? MonteCarlo { get; init; }
}
