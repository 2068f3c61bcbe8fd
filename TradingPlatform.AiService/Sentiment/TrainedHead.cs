namespace TradingPlatform.AiService.Sentiment;

/// <summary>The head trained on the corpus's train split, and its scores on the test split.</summary>
public sealed record TrainedHead(SoftmaxHead Head, ClassificationScores TestScores, int TrainExamples);
