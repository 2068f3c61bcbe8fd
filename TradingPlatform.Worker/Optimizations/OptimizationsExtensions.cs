using TradingPlatform.Jobs.Optimizations;

namespace TradingPlatform.Worker.Optimizations;

internal static class OptimizationsExtensions
{
    /// <summary>The sweep and walk-forward job Hangfire activates for <see cref="IOptimizationJob"/>.</summary>
    public static IHostApplicationBuilder AddOptimizations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IOptimizationJob, OptimizationJob>();
        builder.Services.AddSingleton<SweepBackends>();
        return builder;
    }
}
