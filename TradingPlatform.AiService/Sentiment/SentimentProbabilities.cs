using System.Text.Json.Serialization;

namespace TradingPlatform.AiService.Sentiment;

/// <summary>P(positive), P(negative), P(neutral); they sum to 1.</summary>
public sealed record SentimentProbabilities(double Positive, double Negative, double Neutral)
{
    /// <summary>P(positive) − P(negative), in −1..1.</summary>
    [JsonIgnore]
    public double Score => Positive - Negative;

    /// <summary>The most probable class (ties go to the earlier of positive, negative, neutral).</summary>
    [JsonIgnore]
    public SentimentLabel Label =>
        Positive >= Negative && Positive >= Neutral ? SentimentLabel.Positive
        : Negative >= Neutral ? SentimentLabel.Negative
        : SentimentLabel.Neutral;

    /// <summary>Softmax of three logits in FinBERT's order, computed in double.</summary>
    public static SentimentProbabilities FromLogits(double positive, double negative, double neutral)
    {
        var max = Math.Max(positive, Math.Max(negative, neutral));
        var p = Math.Exp(positive - max);
        var n = Math.Exp(negative - max);
        var u = Math.Exp(neutral - max);
        var sum = p + n + u;
        return new SentimentProbabilities(p / sum, n / sum, u / sum);
    }
}
