using TradingPlatform.Jobs;

namespace TradingPlatform.Api.Analysis;

public static class ConfigAnalysisExtensions
{
    /// <summary>The Api as a Hangfire client (no server: the Worker runs the jobs) and the configuration-analysis trigger.</summary>
    public static IHostApplicationBuilder AddConfigAnalysis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddJobClient();
        builder.Services.AddSingleton<ConfigAnalysisJobs>();
        return builder;
    }
}
