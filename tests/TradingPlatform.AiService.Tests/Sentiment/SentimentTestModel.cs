using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Inference;
using TradingPlatform.AiService.Sentiment;

namespace TradingPlatform.AiService.Tests.Sentiment;

/// <summary>
/// One MiniLM encoder and one set of corpus embeddings for the whole test run (the embeddings are the service's own
/// per-process cache, so hosts started by other tests reuse them too), and the head trained on them.
/// </summary>
internal static class SentimentTestModel
{
    // The CPU provider, as the package's own encoder uses: the 1e-6 comparison is of the same arithmetic (CUDA's
    // kernels, TF32 among them, round differently). Hosts that the API tests start use the provider they choose.
    private static readonly Lazy<OnnxExecution> LazyExecution = new(() =>
        new OnnxExecution(Options.Create(new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cpu }), NullLogger<OnnxExecution>.Instance));

    private static readonly Lazy<MiniLmEncoder> LazyEncoder = new(() => new MiniLmEncoder(Execution));

    private static readonly Lazy<float[][]> LazyEmbeddings = new(() => CorpusEmbeddings.GetAsync(Encoder, CancellationToken.None).GetAwaiter().GetResult());

    private static readonly Lazy<TrainedHead> LazyTrained = new(() => MiniLmSentimentModel.Train(CorpusVectors, MiniLmSentimentModel.HeadOptions));

    public static OnnxExecution Execution => LazyExecution.Value;

    public static MiniLmEncoder Encoder => LazyEncoder.Value;

    public static float[][] CorpusVectors => LazyEmbeddings.Value;

    public static TrainedHead Trained => LazyTrained.Value;
}
