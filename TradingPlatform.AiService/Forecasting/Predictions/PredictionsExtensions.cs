namespace TradingPlatform.AiService.Forecasting.Predictions;

internal static class PredictionsExtensions
{
    /// <summary>The served forecasts' record (queued and written in batches) and their live scoring.</summary>
    public static IHostApplicationBuilder AddPredictions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PredictionOptions>().BindConfiguration(PredictionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PredictionRecorder>();
        builder.Services.AddHostedService<PredictionWriter>();
        builder.Services.AddSingleton<PredictionScorer>();
        builder.Services.AddHostedService<PredictionScoringService>();
        return builder;
    }
}
