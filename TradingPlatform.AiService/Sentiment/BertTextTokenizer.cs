using Microsoft.ML.Tokenizers;

namespace TradingPlatform.AiService.Sentiment;

/// <summary>
/// WordPiece token ids for BERT models (Microsoft.ML.Tokenizers' <see cref="BertTokenizer"/>): [CLS] tokens [SEP],
/// truncated so that the whole row, the two special tokens included, holds at most <see cref="MaxTokens"/> ids.
/// </summary>
internal sealed class BertTextTokenizer
{
    /// <summary>The longest row a model gets, [CLS] and [SEP] included.</summary>
    public const int MaxTokens = 256;

    private readonly BertTokenizer _tokenizer;

    public BertTextTokenizer(BertTokenizer tokenizer) => _tokenizer = tokenizer;

    public int PaddingId => _tokenizer.PaddingTokenId;

    public static BertTextTokenizer FromVocabulary(Stream vocabulary, bool lowerCase) =>
        new(BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = lowerCase }));

    /// <summary>[CLS] the first <see cref="MaxTokens"/> − 2 word pieces of <paramref name="text"/> [SEP].</summary>
    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = _tokenizer.EncodeToIds(text, MaxTokens - 2, addSpecialTokens: false, out _, out _);
        var row = new List<int>(pieces.Count + 2) { _tokenizer.ClassificationTokenId };
        row.AddRange(pieces);
        row.Add(_tokenizer.SeparatorTokenId);
        return row;
    }
}
