using TradingPlatform.Jobs;

namespace TradingPlatform.Api.Analysis;

public static class ConfigAnalysisExtensions
{
    /// <summary>The Api as a Hangfire client (no server: the Worker runs the jobs) the configuration-analysis trigger, and its suggestions and history.</summary>
    public static IHostApplicationBuilder AddConfigAnalysis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddJobClient();
        builder.Services.AddSingleton<ConfigAnalysisJobs>();
        builder.Services.AddScoped<ConfigSuggestionsStore>();
        builder.Services.AddScoped<ConfigSuggestionApplier>();
        return builder;
    }
}
