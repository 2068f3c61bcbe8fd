using System.ClientModel;
using System.Diagnostics;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using TradingPlatform.AiService.Costs;
using TradingPlatform.ServiceDefaults.Llm;

namespace TradingPlatform.AiService.Knowledge;

/// <summary>
/// Embeddings from the configured OpenAI-compatible endpoint (<c>Llm:EmbeddingModel</c>) through Microsoft.Extensions.AI's
/// OpenAI embedding generator (what Semantic Kernel's OpenAI connector uses). Every call is metered as
/// <see cref="AiFeatures.Embedding"/> with the tokens the server reports; vectors are normalised to unit length.
/// </summary>
internal sealed class EndpointKnowledgeEmbedder : IKnowledgeEmbedder, IDisposable
{
    /// <summary>OpenAI accepts up to 2,048 inputs per request; smaller batches keep a failure cheap to retry.</summary>
    private const int BatchSize = 64;

    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly AiCallMeter _meter;
    private readonly LlmOptions _options;

    public EndpointKnowledgeEmbedder(IOptions<LlmOptions> options, AiCallMeter meter)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _meter = meter;
        var key = new ApiKeyCredential(_options.ApiKey.Length > 0 ? _options.ApiKey : "none");
        var timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds);
        _generator = _options.Provider == "azure"
            ? new AzureOpenAIClient(new Uri(_options.Endpoint), key, new AzureOpenAIClientOptions { NetworkTimeout = timeout })
                .GetEmbeddingClient(_options.EmbeddingModel).AsIEmbeddingGenerator()
            : new OpenAIClient(key, new OpenAIClientOptions { Endpoint = new Uri(_options.Endpoint), NetworkTimeout = timeout })
                .GetEmbeddingClient(_options.EmbeddingModel).AsIEmbeddingGenerator();
    }

    public string Model => $"{_options.Provider}:{_options.EmbeddingModel}";

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new List<float[]>(texts.Count);
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            var batch = texts.Skip(start).Take(BatchSize).ToArray();
            var started = Stopwatch.GetTimestamp();
            var result = await _generator.GenerateAsync(batch, cancellationToken: cancellationToken);
            var tokens = result.Usage?.InputTokenCount ?? 0;
            _meter.Record(new AiCall(AiFeatures.Embedding, _options.EmbeddingModel, _options.Provider, tokens, 0,
                Stopwatch.GetElapsedTime(started), 0, null, null));
            if (result.Count != batch.Length)
            {
                throw new InvalidOperationException($"The embedding endpoint answered {result.Count} vectors for {batch.Length} texts.");
            }

            vectors.AddRange(result.Select(e => KnowledgeVectors.Normalised(e.Vector.ToArray())));
        }

        return [.. vectors];
    }

    public void Dispose() => _generator.Dispose();
}
