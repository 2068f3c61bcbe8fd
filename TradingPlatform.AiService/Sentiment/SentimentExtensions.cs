using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Inference;

namespace TradingPlatform.AiService.Sentiment;

internal static class SentimentExtensions
{
    /// <summary>
    /// The <c>Sentiment</c> section and its model: a user's FinBERT export when <c>Sentiment:FinBertModelPath</c> or
    /// <c>Sentiment:FinBertVocabPath</c> is set (both are then required), MiniLM with the platform's head otherwise.
    /// </summary>
    public static IHostApplicationBuilder AddSentiment(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SentimentOptions>().BindConfiguration(SentimentOptions.Section)
            .Validate(o => o.MaxTextBytes > 0, "Sentiment:MaxTextBytes must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ISentimentModel>(services =>
        {
            var options = services.GetRequiredService<IOptions<SentimentOptions>>();
            var execution = services.GetRequiredService<OnnxExecution>();
            return string.IsNullOrWhiteSpace(options.Value.FinBertModelPath) && string.IsNullOrWhiteSpace(options.Value.FinBertVocabPath)
                ? new MiniLmSentimentModel(execution, services.GetRequiredService<ILogger<MiniLmSentimentModel>>())
                : new FinBertSentimentModel(options, execution);
        });
        builder.Services.AddSingleton<SentimentAnalyzer>();
        builder.Services.AddHostedService<SentimentStartup>();
        return builder;
    }
}
