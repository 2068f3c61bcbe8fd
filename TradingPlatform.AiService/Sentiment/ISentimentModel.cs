namespace TradingPlatform.AiService.Sentiment;

/// <summary>Three-class sentiment probabilities for texts; the AiService has one (MiniLM with the head, or FinBERT).</summary>
public interface ISentimentModel
{
    /// <summary>One result per text, in order; any number of texts per call (the model batches them).</summary>
    Task<IReadOnlyList<SentimentProbabilities>> PredictAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);

    /// <summary>The model's name, version and, for the platform's own head, its test scores (waits for training).</summary>
    Task<SentimentModelInfo> DescribeAsync(CancellationToken cancellationToken);

    /// <summary>Begins whatever the model does before its first answer (training), without waiting for it.</summary>
    void Warm();
}
