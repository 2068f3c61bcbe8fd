namespace TradingPlatform.AiService.Tests.Sentiment;

/// <summary>A FinBERT-shaped model and its vocab.txt written to a temporary folder, deleted on dispose.</summary>
internal sealed class FinBertFiles : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "finbert-" + Guid.NewGuid().ToString("N"));

    public FinBertFiles(byte[] model)
    {
        Directory.CreateDirectory(_folder);
        ModelPath = Path.Combine(_folder, "finbert.onnx");
        VocabPath = Path.Combine(_folder, "vocab.txt");
        File.WriteAllBytes(ModelPath, model);
        File.WriteAllLines(VocabPath, TinyBertModel.Vocabulary);
    }

    public string ModelPath { get; }

    public string VocabPath { get; }

    public Dictionary<string, string?> Settings => new()
    {
        ["Sentiment:FinBertModelPath"] = ModelPath,
        ["Sentiment:FinBertVocabPath"] = VocabPath,
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
