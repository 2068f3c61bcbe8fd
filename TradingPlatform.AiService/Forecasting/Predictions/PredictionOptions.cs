using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>The <c>Forecasting:Predictions</c> section: how served forecasts are stored and scored.</summary>
public sealed class PredictionOptions
{
    public const string Section = "Forecasting:Predictions";

    /// <summary>How often the scorer looks for predictions whose horizon has passed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ScoreInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after a prediction is due its realised candles may still arrive; after that a missing one makes it unscorable.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many predictions the scorer locks and scores per transaction.</summary>
    [Range(1, 5_000)]
    public int ScoreBatchSize { get; set; } = 200;

    /// <summary>How many served predictions may wait for the writer; beyond it a prediction is dropped (and logged), never the request.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;
}
