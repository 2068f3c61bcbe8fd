using TradingPlatform.AiService.Inference;
using TradingPlatform.AiService.Sentiment;

namespace TradingPlatform.AiService.Chat;

/// <summary>
/// The MiniLM encoder the offline answerer scores sentences with, loaded once on first use: the DI one when the
/// knowledge base registered it, else the sentiment model's (MiniLM by default), else one of its own. Only one of its
/// own is disposed here; the others belong to their owners (disposing them twice would crash the native session).
/// </summary>
internal sealed class ChatSentenceEncoder(IServiceProvider services) : IDisposable
{
    private readonly Lazy<(MiniLmEncoder Encoder, bool Owned)> _encoder = new(() =>
        services.GetService<MiniLmEncoder>() is { } shared ? (shared, false)
        : services.GetService<ISentimentModel>() is MiniLmSentimentModel sentiment ? (sentiment.Encoder, false)
        : (new MiniLmEncoder(services.GetRequiredService<OnnxExecution>()), true));

    public float[][] Encode(IReadOnlyList<string> sentences, CancellationToken cancellationToken) => _encoder.Value.Encoder.Encode(sentences, cancellationToken);

    public void Dispose()
    {
        if (_encoder.IsValueCreated && _encoder.Value.Owned)
        {
            _encoder.Value.Encoder.Dispose();
        }
    }
}
