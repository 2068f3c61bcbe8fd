using Microsoft.Extensions.Options;
using TradingPlatform.ServiceDefaults.Llm;
using TradingPlatform.Worker.Analysis.Figures;
using TradingPlatform.Worker.Analysis.Review;
using TradingPlatform.Worker.Analysis.Rules;

namespace TradingPlatform.Worker.Analysis;

internal static class ConfigAnalysisExtensions
{
    /// <summary>
    /// The configuration analysis: its options (<c>ConfigAnalysis</c>, <c>Llm</c>), the figures loader, the rule engine, the
    /// backtester, the AiService review client, and the daily job. The manual job's contract is registered with the jobs.
    /// </summary>
    public static IHostApplicationBuilder AddConfigAnalysis(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConfigAnalysisOptions>().BindConfiguration(ConfigAnalysisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section)
            .Validate(o => o.Validate().Count == 0, "The Llm section is invalid (an endpoint needs an http(s) address and a chat model).").ValidateOnStart();
        builder.Services.AddScoped<UserFiguresLoader>();
        builder.Services.AddSingleton(new ConfigRuleEngine(ConfigRuleEngine.Default));
        builder.Services.AddScoped<SuggestionBacktester>();
        builder.Services.AddScoped<ConfigAnalysisRunner>();
        builder.Services.AddScoped<IDailyConfigAnalysisJob, DailyConfigAnalysisJob>();
        builder.Services.AddSingleton<AnalysisAccessTokens>();

        // "http://ai" is resolved by service discovery from `services:ai:http:0`, as the Api's AiService client is. The
        // standard handler's 10 s attempt timeout and blind retries do not suit a model's review: one attempt, our timeout.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<ConfigReviewClient>((services, client) =>
            {
                client.BaseAddress = ConfigReviewClient.BaseAddress;
                client.Timeout = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<ConfigAnalysisOptions>>().Value.ReviewTimeoutSeconds);
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return builder;
    }
}
