using TradingPlatform.AiService.Inference;
using TradingPlatform.AiService.Sentiment;

namespace TradingPlatform.AiService.Knowledge;

/// <summary>
/// The default embedder: MiniLM's sentence embeddings on this host (free, offline). It reuses the sentiment model's
/// encoder when the sentiment model is MiniLM, so that the ONNX model is loaded once; with a FinBERT sentiment model
/// configured it loads its own.
/// </summary>
internal sealed class MiniLmKnowledgeEmbedder : IKnowledgeEmbedder, IDisposable
{
    private readonly MiniLmEncoder _encoder;
    private readonly bool _owned;

    public MiniLmKnowledgeEmbedder(ISentimentModel sentiment, OnnxExecution execution)
    {
        ArgumentNullException.ThrowIfNull(sentiment);
        (_encoder, _owned) = sentiment is MiniLmSentimentModel miniLm ? (miniLm.Encoder, false) : (new MiniLmEncoder(execution), true);
    }

    public string Model => $"{MiniLmEncoder.ModelName}@{MiniLmEncoder.PackageVersion}";

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        Task.Run(() => _encoder.Encode(texts, cancellationToken), cancellationToken);

    public void Dispose()
    {
        if (_owned)
        {
            _encoder.Dispose();
        }
    }
}
