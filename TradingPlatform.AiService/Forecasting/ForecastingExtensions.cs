using TradingPlatform.AiService.Forecasting.MonteCarlo;

namespace TradingPlatform.AiService.Forecasting;

internal static class ForecastingExtensions
{
    /// <summary>The model registry, the serving models (kept in step with it on every replica, woken by ModelActivated) and the forecasts they make.</summary>
    public static IHostApplicationBuilder AddForecasting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServingOptions>().BindConfiguration(ServingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ModelRegistry>();
        builder.Services.AddSingleton<ActiveModels>();
        builder.Services.AddSingleton<ActiveModelsRefresher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ActiveModelsRefresher>());
        builder.Services.AddSingleton<ModelActivationListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ModelActivationListener>());
        builder.AddMonteCarlo();
        builder.Services.AddScoped<ForecastService>();
        return builder;
    }
}
