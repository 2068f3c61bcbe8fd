using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using TradingPlatform.AiService.Inference;

namespace TradingPlatform.AiService.Sentiment;

/// <summary>
/// A user's FinBERT ONNX export (<c>Sentiment:FinBertModelPath</c>) with its vocab.txt
/// (<c>Sentiment:FinBertVocabPath</c>), run unchanged: WordPiece ids from the vocabulary, the three BERT inputs,
/// softmax over the three logits (positive, negative, neutral). The constructor checks the files and the session's
/// inputs and outputs against <see cref="FinBertContract"/> and throws, naming the file and what it expected, when
/// anything differs; the service then does not start, so it never answers from a half-loaded model.
/// </summary>
public sealed class FinBertSentimentModel : ISentimentModel, IDisposable
{
    public const string Name = "FinBERT (user export)";

    /// <summary>Texts per session run.</summary>
    public const int BatchSize = 16;

    private readonly InferenceSession _session;
    private readonly BertTextTokenizer _tokenizer;
    private readonly SentimentModelInfo _info;

    public FinBertSentimentModel(IOptions<SentimentOptions> options, OnnxExecution execution)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(execution);
        var settings = options.Value;
        var modelPath = Require(settings.FinBertModelPath, "Sentiment:FinBertModelPath", settings.FinBertVocabPath, "Sentiment:FinBertVocabPath");
        var vocabPath = Require(settings.FinBertVocabPath, "Sentiment:FinBertVocabPath", settings.FinBertModelPath, "Sentiment:FinBertModelPath");
        var model = File.ReadAllBytes(modelPath);
        try
        {
            _session = execution.CreateSession(model);
        }
        catch (OnnxRuntimeException exception)
        {
            throw Refusal(modelPath, $"ONNX Runtime cannot load it ({exception.Message.Split('\n', 2)[0].Trim()})", exception);
        }

        var problems = FinBertContract.Problems(_session.InputMetadata, _session.OutputMetadata);
        if (problems.Count > 0)
        {
            _session.Dispose();
            throw Refusal(modelPath, $"it has {string.Join("; ", problems)}", null);
        }

        try
        {
            using var vocabulary = File.OpenRead(vocabPath);
            _tokenizer = BertTextTokenizer.FromVocabulary(vocabulary, settings.FinBertLowerCase);
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or InvalidOperationException or FormatException)
        {
            _session.Dispose();
            throw new InvalidOperationException($"Sentiment:FinBertVocabPath '{vocabPath}' is not a BERT vocab.txt: {exception.Message}", exception);
        }

        var version = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(model))[..16];
        _info = new SentimentModelInfo(SentimentModelInfo.FinBert, Name, version, execution.Provider, null, null, null, null, modelPath);
    }

    public void Warm()
    {
    }

    public Task<SentimentModelInfo> DescribeAsync(CancellationToken cancellationToken) => Task.FromResult(_info);

    public Task<IReadOnlyList<SentimentProbabilities>> PredictAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Task.Run<IReadOnlyList<SentimentProbabilities>>(() => Predict(texts, cancellationToken), cancellationToken);
    }

    public void Dispose() => _session.Dispose();

    private SentimentProbabilities[] Predict(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var results = new SentimentProbabilities[texts.Count];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(BatchSize, texts.Count - start);
            var rows = Enumerable.Range(start, count).Select(i => _tokenizer.Encode(texts[i])).ToArray();
            Costs.AiWork.Tokens(rows.Sum(r => (long)r.Count));
            var batch = BertBatch.Create(rows, _tokenizer.PaddingId);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var outputs = _session.Run(batch.ToInputs());
            Costs.AiWork.DeviceSince(started);
            var logits = outputs[0].AsEnumerable<float>().ToArray();
            for (var r = 0; r < count; r++)
            {
                results[start + r] = SentimentProbabilities.FromLogits(logits[3 * r], logits[(3 * r) + 1], logits[(3 * r) + 2]);
            }
        }

        return results;
    }

    private static string Require(string? path, string key, string? other, string otherKey)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException($"{otherKey} is '{other}' but {key} is not set: FinBERT needs both its ONNX export and its vocab.txt.");
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{key} '{path}' does not exist.");
        }

        return path;
    }

    private static InvalidOperationException Refusal(string path, string problem, Exception? inner) =>
        new($"Sentiment:FinBertModelPath '{path}' is not a FinBERT export this service can run: {problem}. Expected {FinBertContract.Expected}.", inner);
}
