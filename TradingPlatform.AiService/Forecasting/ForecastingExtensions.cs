namespace TradingPlatform.AiService.Forecasting;

internal static class ForecastingExtensions
{
    /// <summary>The model registry, the serving models (kept in step with it on every replica) and the forecasts they make.</summary>
    public static IHostApplicationBuilder AddForecasting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ModelRegistry>();
        builder.Services.AddSingleton<ActiveModels>();
        builder.Services.AddHostedService<ActiveModelsRefresher>();
        builder.Services.AddScoped<ForecastService>();
        return builder;
    }
}
