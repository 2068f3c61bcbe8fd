using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Inference;
using TradingPlatform.AiService.Sentiment;
using TradingPlatform.ServiceDefaults.HealthChecks;
using TradingPlatform.ServiceDefaults.Llm;

namespace TradingPlatform.AiService.Knowledge;

internal static class KnowledgeExtensions
{
    /// <summary>
    /// The project knowledge base: the <c>Knowledge</c> section (validated at start), the embedder (the configured
    /// endpoint's <c>Llm:EmbeddingModel</c>, MiniLM otherwise), the indexer and its hosted service, the search, and a
    /// readiness check that waits for the first index.
    /// </summary>
    public static IHostApplicationBuilder AddKnowledgeBase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>();
        builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section);
        builder.Services.AddSingleton<IKnowledgeEmbedder>(services =>
            services.GetRequiredService<IOptions<LlmOptions>>().Value.HasEmbeddingModel
                ? new EndpointKnowledgeEmbedder(services.GetRequiredService<IOptions<LlmOptions>>(), services.GetRequiredService<AiCallMeter>())
                : new MiniLmKnowledgeEmbedder(services.GetRequiredService<ISentimentModel>(), services.GetRequiredService<OnnxExecution>()));
        builder.Services.AddSingleton<KnowledgeBase>();
        builder.Services.AddSingleton<KnowledgeIndexer>();
        builder.Services.AddSingleton<KnowledgeSearch>();
        builder.Services.AddSingleton<IKnowledgeSearch>(services => services.GetRequiredService<KnowledgeSearch>());
        builder.Services.AddHostedService<KnowledgeIndexService>();
        builder.Services.AddHealthChecks().AddCheck<KnowledgeHealthCheck>("knowledge", failureStatus: null, tags: DependencyHealthChecks.Tags);
        return builder;
    }
}
