namespace TradingPlatform.AiService.Sentiment;

/// <summary>
/// One text's sentiment: <see cref="Score"/> = P(positive) − P(negative) in −1..1, <see cref="Label"/> the most
/// probable class, the three probabilities, the authenticity heuristic's score and signals, the one-line summary, and
/// the model that answered.
/// </summary>
public sealed record SentimentResult(
    double Score,
    string Label,
    SentimentProbabilities Probabilities,
    double AuthenticityScore,
    IReadOnlyList<string> AuthenticitySignals,
    string Summary,
    string? Source,
    string Model,
    string ModelVersion);
