using TradingPlatform.AiService.News;

namespace TradingPlatform.AiService.Analysis;

internal static class AnalysisExtensions
{
    /// <summary>The AI analysis (<c>Analysis</c> options, validated at start).</summary>
    public static IHostApplicationBuilder AddAnalysis(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => News.SentimentWindow.TryParse(o.SentimentWindow, out _), "Analysis:SentimentWindow must be a window such as 1h, 4h or 1d.")
            .ValidateOnStart();
        builder.Services.AddScoped<AnalysisService>();
        return builder;
    }
}
