namespace TradingPlatform.AiService.News;

internal static class NewsExtensions
{
    /// <summary>News ingestion (<c>News</c>), the sentiment aggregate and the news simulator (<c>News:Simulator</c>).</summary>
    public static IHostApplicationBuilder AddNews(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NewsOptions>().BindConfiguration(NewsOptions.Section)
            .Validate(o => o.MaxBodyBytes > 0, "News:MaxBodyBytes must be positive.")
            .Validate(o => o.SentimentHalfLife > TimeSpan.Zero, "News:SentimentHalfLife must be positive.")
            .Validate(o => SentimentWindow.TryParse(o.DefaultWindow, out _), "News:DefaultWindow must be a window such as 1h, 4h or 1d (1 minute to 7 days).")
            .Validate(o => o.FutureTolerance >= TimeSpan.Zero, "News:FutureTolerance must not be negative.")
            .ValidateOnStart();
        builder.Services.AddOptions<NewsSimulatorOptions>().BindConfiguration(NewsSimulatorOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero, "News:Simulator:Interval must be positive.")
            .Validate(o => o.LookbackBars >= 2, "News:Simulator:LookbackBars must be at least 2.")
            .Validate(o => o.MoveThreshold >= 0, "News:Simulator:MoveThreshold must not be negative.")
            .Validate(o => o.Symbols.TrueForAll(s => SymbolRecognizer.Resolve(s) == s), "News:Simulator:Symbols must be catalog symbols.")
            .ValidateOnStart();
        builder.Services.AddScoped<NewsIngestor>();
        builder.Services.AddHostedService<NewsSimulator>();
        return builder;
    }
}
