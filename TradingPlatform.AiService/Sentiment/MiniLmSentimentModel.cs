using TradingPlatform.AiService.Inference;

namespace TradingPlatform.AiService.Sentiment;

/// <summary>
/// The default sentiment model: MiniLM embeddings (<see cref="MiniLmEncoder"/>) and a softmax head
/// (<see cref="SoftmaxHead"/>) trained in the background from the start on the train split of the platform's corpus
/// (<see cref="SentimentCorpus"/>) and scored on its test split. Requests before training ends wait for it.
/// </summary>
public sealed class MiniLmSentimentModel : ISentimentModel, IDisposable
{
    public const string Name = "all-MiniLM-L6-v2 + softmax head";

    private readonly MiniLmEncoder _encoder;
    private readonly OnnxExecution _execution;
    private readonly ILogger<MiniLmSentimentModel> _logger;
    private readonly Lazy<Task<TrainedHead>> _training;
    private readonly CancellationTokenSource _stopping = new();

    public MiniLmSentimentModel(OnnxExecution execution, ILogger<MiniLmSentimentModel> logger)
    {
        ArgumentNullException.ThrowIfNull(execution);
        _execution = execution;
        _logger = logger;
        _encoder = new MiniLmEncoder(execution);
        _training = new Lazy<Task<TrainedHead>>(() => Task.Run(TrainAsync));
    }

    public static SoftmaxHeadOptions HeadOptions { get; } = new();

    /// <summary>The encoder package's version, the corpus size and the head's seed: what determines the weights.</summary>
    public static string Version =>
        $"{MiniLmEncoder.PackageVersion}+corpus{SentimentCorpus.Examples.Count}.seed{HeadOptions.Seed}";

    public MiniLmEncoder Encoder => _encoder;

    public Task<TrainedHead> TrainedAsync => _training.Value;

    /// <summary>Trains a head on the train split's embeddings and scores it on the test split's.</summary>
    public static TrainedHead Train(IReadOnlyList<float[]> corpusEmbeddings, SoftmaxHeadOptions options)
    {
        ArgumentNullException.ThrowIfNull(corpusEmbeddings);
        var examples = SentimentCorpus.Examples;
        var train = Enumerable.Range(0, examples.Count).Where(i => !examples[i].IsTest).ToArray();
        var test = Enumerable.Range(0, examples.Count).Where(i => examples[i].IsTest).ToArray();
        var head = SoftmaxHead.Train(
            train.Select(i => corpusEmbeddings[i]).ToArray(), train.Select(i => examples[i].Label).ToArray(), options);
        var predicted = test.Select(i => head.Predict(corpusEmbeddings[i]).Label).ToArray();
        var scores = ClassificationScores.Compute(predicted, test.Select(i => examples[i].Label).ToArray());
        return new TrainedHead(head, scores, train.Length);
    }

    public void Warm() => _ = _training.Value;

    public async Task<IReadOnlyList<SentimentProbabilities>> PredictAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var trained = await _training.Value.WaitAsync(cancellationToken);
        var embeddings = await Task.Run(() => _encoder.Encode(texts, cancellationToken), cancellationToken);
        return embeddings.Select(trained.Head.Predict).ToArray();
    }

    public async Task<SentimentModelInfo> DescribeAsync(CancellationToken cancellationToken)
    {
        var trained = await _training.Value.WaitAsync(cancellationToken);
        return new SentimentModelInfo(
            SentimentModelInfo.MiniLmHead, Name, Version, _execution.Provider,
            trained.TestScores.Accuracy, trained.TestScores.MacroF1, trained.TrainExamples, trained.TestScores.Count, ModelPath: null);
    }

    /// <summary>
    /// Stops a training still under way (between two encoder batches) and waits for it before the session goes: a
    /// session disposed during a run would take the process down.
    /// </summary>
    public void Dispose()
    {
        _stopping.Cancel();
        if (_training.IsValueCreated)
        {
            try
            {
                _training.Value.Wait(TimeSpan.FromSeconds(30));
            }
            catch (AggregateException)
            {
                // Cancelled or failed: either way it no longer runs.
            }
        }

        _encoder.Dispose();
        _stopping.Dispose();
    }

    private async Task<TrainedHead> TrainAsync()
    {
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            var embeddings = await CorpusEmbeddings.GetAsync(_encoder, _stopping.Token);
            var trained = Train(embeddings, HeadOptions);
            _logger.LogInformation(
                "Sentiment head trained on {Train} sentences in {Elapsed:F1} s: test accuracy {Accuracy:P1}, macro-F1 {MacroF1:F3} on {Test}",
                trained.TrainExamples, TimeProvider.System.GetElapsedTime(started).TotalSeconds, trained.TestScores.Accuracy,
                trained.TestScores.MacroF1, trained.TestScores.Count);
            return trained;
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            _logger.LogError(exception, "The sentiment head could not be trained");
            throw;
        }
    }
}
