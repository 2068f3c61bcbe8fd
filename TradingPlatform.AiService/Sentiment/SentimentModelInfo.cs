namespace TradingPlatform.AiService.Sentiment;

/// <summary>
/// Which sentiment model answers: <see cref="MiniLmHead"/> (the MiniLM encoder with the platform's softmax head,
/// with its measured test-split scores) or <see cref="FinBert"/> (a user's FinBERT export; no scores: the platform
/// does not evaluate a model it did not train).
/// </summary>
public sealed record SentimentModelInfo(
    string Kind,
    string Model,
    string Version,
    string ExecutionProvider,
    double? TestAccuracy,
    double? TestMacroF1,
    int? TrainExamples,
    int? TestExamples,
    string? ModelPath)
{
    public const string MiniLmHead = "minilm-softmax-head";
    public const string FinBert = "finbert-onnx";
}
