namespace TradingPlatform.AiService.Sentiment;

/// <summary>One row of the corpus: its label, whether it is in the test split, and the sentence.</summary>
public sealed record SentimentExample(SentimentLabel Label, bool IsTest, string Text);
