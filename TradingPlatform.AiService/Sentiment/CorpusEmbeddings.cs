namespace TradingPlatform.AiService.Sentiment;

/// <summary>
/// The MiniLM embeddings of <see cref="SentimentCorpus.Examples"/>, computed once per process (about 5 s on two
/// cores) by the first encoder that asks and kept for every later one, such as the next host a test starts. A failed
/// computation is not kept: the next caller tries again.
/// </summary>
internal static class CorpusEmbeddings
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static float[][]? s_embeddings;

    public static async Task<float[][]> GetAsync(MiniLmEncoder encoder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        if (Volatile.Read(ref s_embeddings) is { } cached)
        {
            return cached;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (s_embeddings is null)
            {
                var texts = SentimentCorpus.Examples.Select(e => e.Text).ToArray();
                Volatile.Write(ref s_embeddings, encoder.Encode(texts, cancellationToken));
            }

            return s_embeddings!;
        }
        finally
        {
            Gate.Release();
        }
    }
}
