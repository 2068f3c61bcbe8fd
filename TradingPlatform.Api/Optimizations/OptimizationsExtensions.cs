namespace TradingPlatform.Api.Optimizations;

public static class OptimizationsExtensions
{
    /// <summary>Sweeps and walk-forwards: stored in the trading schema, enqueued through the Hangfire client, run by the Worker.</summary>
    public static IHostApplicationBuilder AddOptimizations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<OptimizationOptions>().BindConfiguration(OptimizationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<OptimizationService>();
        return builder;
    }
}
