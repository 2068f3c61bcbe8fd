namespace TradingPlatform.AiService.Sentiment;

/// <summary>
/// Sentiment, authenticity and summary of news texts, on the AiService's <see cref="ISentimentModel"/>. The model
/// sees at most its first 256 tokens of each text; the summary and the heuristic read the whole text.
/// </summary>
public sealed class SentimentAnalyzer(ISentimentModel model)
{
    public async Task<SentimentResult> AnalyzeAsync(string text, string? source, CancellationToken cancellationToken = default) =>
        (await AnalyzeManyAsync([new SentimentRequest(text, source)], cancellationToken))[0];

    /// <summary>One result per request, in order; the model runs the texts in batches.</summary>
    public async Task<IReadOnlyList<SentimentResult>> AnalyzeManyAsync(IReadOnlyList<SentimentRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var texts = new string[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            texts[i] = string.IsNullOrWhiteSpace(requests[i].Text)
                ? throw new ArgumentException($"Request {i} has no text.", nameof(requests))
                : requests[i].Text!;
        }

        var info = await model.DescribeAsync(cancellationToken);
        var probabilities = await model.PredictAsync(texts, cancellationToken);
        var results = new SentimentResult[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            var p = probabilities[i];
            var authenticity = AuthenticityHeuristic.Assess(texts[i], requests[i].Source);
            results[i] = new SentimentResult(
                p.Score, p.Label.ToString().ToLowerInvariant(), p, authenticity.Score, authenticity.Signals,
                SentimentSummary.Of(texts[i]), string.IsNullOrWhiteSpace(requests[i].Source) ? null : requests[i].Source!.Trim(),
                info.Model, info.Version);
        }

        return results;
    }
}
