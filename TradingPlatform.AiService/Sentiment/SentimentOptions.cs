namespace TradingPlatform.AiService.Sentiment;

/// <summary>The <c>Sentiment</c> section.</summary>
public sealed class SentimentOptions
{
    public const string Section = "Sentiment";

    /// <summary>The default for <see cref="MaxTextBytes"/>: 1 MiB.</summary>
    public const int DefaultMaxTextBytes = 1_048_576;

    /// <summary>
    /// A FinBERT ONNX export (inputs <c>input_ids</c>, <c>attention_mask</c>, <c>token_type_ids</c> int64 [batch, seq];
    /// output logits float [batch, 3] in FinBERT's order positive, negative, neutral). Null: MiniLM with the platform's head.
    /// </summary>
    public string? FinBertModelPath { get; set; }

    /// <summary>The vocab.txt that goes with <see cref="FinBertModelPath"/>.</summary>
    public string? FinBertVocabPath { get; set; }

    /// <summary>Whether the FinBERT vocabulary is uncased (ProsusAI/finbert is): text is lower-cased before WordPiece.</summary>
    public bool FinBertLowerCase { get; set; } = true;

    /// <summary>The longest text, in bytes of UTF-8, that <c>POST /api/sentiment/analyze</c> accepts.</summary>
    public int MaxTextBytes { get; set; } = DefaultMaxTextBytes;
}
