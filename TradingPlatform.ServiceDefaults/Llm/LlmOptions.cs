namespace TradingPlatform.ServiceDefaults.Llm;

/// <summary>
/// <c>Llm</c>: the OpenAI-compatible model the AI features use when one is configured (OpenAI, Azure OpenAI, or a local
/// server such as Ollama or vLLM). With no <see cref="Endpoint"/> the AiService answers with its embedded, offline
/// defaults (the extractive answerer, MiniLM embeddings) and the Worker's configuration analysis uses its rule engine.
/// The AppHost passes its <c>llm-endpoint</c>, <c>llm-api-key</c> and <c>llm-chat-model</c> parameters here; the key is a
/// secret and never lives in source.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    /// <summary>The server's base address (for OpenAI <c>https://api.openai.com/v1</c>); empty: no model is configured.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary><c>openai</c> (any OpenAI-compatible server) or <c>azure</c> (Azure OpenAI, where the models are deployment names).</summary>
    public string Provider { get; set; } = "openai";

    public string ApiKey { get; set; } = "";

    /// <summary>The chat model (or Azure deployment); required when <see cref="Endpoint"/> is set.</summary>
    public string ChatModel { get; set; } = "";

    /// <summary>An embedding model on the same server; empty: passages are embedded with the shipped MiniLM.</summary>
    public string EmbeddingModel { get; set; } = "";

    /// <summary>How long one call to the server may take before it counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Whether a failing or unreachable configured model may be replaced by the offline default for that answer. Off by
    /// default: a configured model that fails answers 502/503 rather than silently answering with something else.
    /// </summary>
    public bool FallBackToOffline { get; set; }

    public bool HasEndpoint => Endpoint.Length > 0;

    public bool HasEmbeddingModel => HasEndpoint && EmbeddingModel.Length > 0;

    /// <summary>The errors of a configuration that must not start.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!HasEndpoint)
        {
            return errors;
        }

        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{Section}:{nameof(Endpoint)} must be an absolute http or https address.");
        }

        if (Provider is not ("openai" or "azure"))
        {
            errors.Add($"{Section}:{nameof(Provider)} must be 'openai' or 'azure'.");
        }

        if (ChatModel.Length == 0)
        {
            errors.Add($"{Section}:{nameof(ChatModel)} is required when {Section}:{nameof(Endpoint)} is set.");
        }

        if (TimeoutSeconds is < 1 or > 600)
        {
            errors.Add($"{Section}:{nameof(TimeoutSeconds)} must be between 1 and 600.");
        }

        return errors;
    }
}
