namespace TradingPlatform.AiService.Sentiment;

/// <summary>The body of <c>POST /api/sentiment/analyze</c>, and one item of a batch.</summary>
public sealed record SentimentRequest(string? Text, string? Source);
