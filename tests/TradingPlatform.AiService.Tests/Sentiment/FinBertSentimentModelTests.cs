using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Sentiment;

namespace TradingPlatform.AiService.Tests.Sentiment;

/// <summary>A user's FinBERT export (here a tiny model with its interface): run unchanged, or refused whole.</summary>
public sealed class FinBertSentimentModelTests
{
    private static FinBertSentimentModel Load(FinBertFiles files) =>
        new(Options.Create(new SentimentOptions { FinBertModelPath = files.ModelPath, FinBertVocabPath = files.VocabPath }), SentimentTestModel.Execution);

    private static void AssertProbabilities(double[] logits, SentimentProbabilities actual)
    {
        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        var expected = exp.Select(e => e / exp.Sum()).ToArray();
        Assert.Equal(expected[0], actual.Positive, 5);
        Assert.Equal(expected[1], actual.Negative, 5);
        Assert.Equal(expected[2], actual.Neutral, 5);
    }

    [Fact]
    public async Task The_export_runs_unchanged_and_returns_the_softmax_of_its_logits_in_FinBERT_s_order()
    {
        using var files = new FinBertFiles(TinyBertModel.Build());
        using var model = Load(files);

        // Two rows of different lengths in one batch: the shorter is padded and its padding masked out.
        var results = await model.PredictAsync(["Profit rises", "The shares FALLS, loss flat"], CancellationToken.None);
        var info = await model.DescribeAsync(CancellationToken.None);

        // [CLS]=2 profit=5 rises=6 [SEP]=3; "," is not in the vocabulary: [UNK]=1.
        AssertProbabilities(TinyBertModel.Logits([2, 5, 6, 3]), results[0]);
        AssertProbabilities(TinyBertModel.Logits([2, 11, 10, 7, 1, 8, 9, 3]), results[1]);
        Assert.Equal(SentimentModelInfo.FinBert, info.Kind);
        Assert.Equal(files.ModelPath, info.ModelPath);
        Assert.StartsWith("sha256:", info.Version, StringComparison.Ordinal);
        Assert.Null(info.TestAccuracy);
    }

    [Fact]
    public void A_model_with_other_input_names_is_refused_naming_the_file_and_the_expected_inputs()
    {
        using var files = new FinBertFiles(TinyBertModel.Build(idsName: "ids"));

        var refused = Assert.Throws<InvalidOperationException>(() => Load(files));

        Assert.StartsWith($"Sentiment:FinBertModelPath '{files.ModelPath}' is not a FinBERT export this service can run: it has no input input_ids; an unexpected input ids.", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith($"Expected {FinBertContract.Expected}.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_with_two_logits_is_refused()
    {
        using var files = new FinBertFiles(TinyBertModel.Build(classes: 2));

        var refused = Assert.Throws<InvalidOperationException>(() => Load(files));

        Assert.Contains("it has output logits is float [batch, 2], not float [batch, 3]", refused.Message, StringComparison.Ordinal);
        Assert.Contains(files.ModelPath, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_files_and_a_model_without_its_vocabulary_are_refused()
    {
        using var files = new FinBertFiles(TinyBertModel.Build());
        var missing = Path.Combine(Path.GetTempPath(), "no-such-finbert.onnx");

        var noFile = Assert.Throws<InvalidOperationException>(() =>
            new FinBertSentimentModel(Options.Create(new SentimentOptions { FinBertModelPath = missing, FinBertVocabPath = files.VocabPath }), SentimentTestModel.Execution));
        var noVocab = Assert.Throws<InvalidOperationException>(() =>
            new FinBertSentimentModel(Options.Create(new SentimentOptions { FinBertModelPath = files.ModelPath }), SentimentTestModel.Execution));
        var notOnnx = Assert.Throws<InvalidOperationException>(() =>
            new FinBertSentimentModel(Options.Create(new SentimentOptions { FinBertModelPath = files.VocabPath, FinBertVocabPath = files.VocabPath }), SentimentTestModel.Execution));

        Assert.Equal($"Sentiment:FinBertModelPath '{missing}' does not exist.", noFile.Message);
        Assert.StartsWith("Sentiment:FinBertModelPath is '", noVocab.Message, StringComparison.Ordinal);
        Assert.Contains("Sentiment:FinBertVocabPath is not set", noVocab.Message, StringComparison.Ordinal);
        Assert.Contains("ONNX Runtime cannot load it", notOnnx.Message, StringComparison.Ordinal);
    }
}
