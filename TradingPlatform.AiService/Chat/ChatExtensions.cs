using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using TradingPlatform.AiService.Chat.ConfigReview;
using TradingPlatform.ServiceDefaults.Llm;
using TradingPlatform.ServiceDefaults.Redis;

namespace TradingPlatform.AiService.Chat;

internal static class ChatExtensions
{
    /// <summary>
    /// The project chat and the configuration review: the <c>Chat</c> and <c>Llm</c> sections (validated at start), a
    /// Semantic Kernel <see cref="Kernel"/> whose chat completion is the configured model (<c>Llm:Provider</c>
    /// <c>openai</c>: any OpenAI-compatible server; <c>azure</c>: Azure OpenAI) or, with no <c>Llm:Endpoint</c>, the
    /// offline <see cref="ExtractiveChatCompletionService"/> (also registered under <see cref="ChatKernel.OfflineServiceKey"/>
    /// for <c>Llm:FallBackToOffline</c>), and the metering filter that records every model call.
    /// </summary>
    public static IHostApplicationBuilder AddChat(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section).ValidateOnStart();
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatOptions>, ChatOptionsValidation>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, ChatOptionsValidation>());
        if (!services.Any(d => d.ServiceType == typeof(RedisNamespace)))
        {
            builder.AddRedisNamespace();
        }

        services.AddSingleton<ChatSentenceEncoder>();
        services.AddSingleton<ChatTokenCounter>();
        services.AddSingleton<ExtractiveChatCompletionService>();
        services.AddKeyedSingleton<IChatCompletionService>(ChatKernel.OfflineServiceKey, (provider, _) => provider.GetRequiredService<ExtractiveChatCompletionService>());

        var kernel = services.AddKernel();
        var llm = builder.Configuration.GetSection(LlmOptions.Section).Get<LlmOptions>() ?? new LlmOptions();
        if (llm.HasEndpoint && llm.Validate().Count == 0)
        {
            // A client of its own, not the factory's: ServiceDefaults' resilience handler would retry and time out calls
            // on its own terms, where Llm:TimeoutSeconds is the one limit (the connector does not retry a given client).
            var http = new HttpClient { Timeout = TimeSpan.FromSeconds(llm.TimeoutSeconds) };
            // A local server (Ollama, vLLM) takes any key; the OpenAI client refuses an empty one.
            var apiKey = llm.ApiKey.Length > 0 ? llm.ApiKey : "unused";
            if (llm.Provider == "azure")
            {
                kernel.AddAzureOpenAIChatCompletion(llm.ChatModel, llm.Endpoint, apiKey, modelId: llm.ChatModel, httpClient: http);
            }
            else
            {
                kernel.AddOpenAIChatCompletion(llm.ChatModel, new Uri(llm.Endpoint), apiKey, httpClient: http);
            }
        }
        else
        {
            services.AddSingleton<IChatCompletionService>(provider => provider.GetRequiredService<ExtractiveChatCompletionService>());
        }

        services.AddSingleton<ChatMeteringFilter>();
        services.AddSingleton<IFunctionInvocationFilter>(provider => provider.GetRequiredService<ChatMeteringFilter>());
        services.AddSingleton<IAutoFunctionInvocationFilter>(provider => provider.GetRequiredService<ChatMeteringFilter>());
        services.AddScoped<ChatKernel>();
        services.AddSingleton<ConversationStore>();
        services.AddScoped<ProjectChat>();
        services.AddScoped<ChatSuggestions>();
        services.AddScoped<ConfigReviewer>();
        return builder;
    }

    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapChatApi();
        endpoints.MapConfigReviewApi();
        return endpoints;
    }
}
