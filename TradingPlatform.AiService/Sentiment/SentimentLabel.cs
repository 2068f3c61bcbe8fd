namespace TradingPlatform.AiService.Sentiment;

/// <summary>The three classes, numbered in FinBERT's logit order (positive, negative, neutral).</summary>
public enum SentimentLabel
{
    Positive = 0,
    Negative = 1,
    Neutral = 2,
}
