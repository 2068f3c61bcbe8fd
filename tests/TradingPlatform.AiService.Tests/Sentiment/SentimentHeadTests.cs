using TradingPlatform.AiService.Sentiment;

namespace TradingPlatform.AiService.Tests.Sentiment;

/// <summary>The softmax head on MiniLM embeddings of the corpus: test-split scores, determinism, clear-cut labels.</summary>
public sealed class SentimentHeadTests
{
    /// <summary>Measured 0.969 (accuracy and macro-F1) on this machine's CPU provider; the floor sits just under it.</summary>
    private const double AccuracyFloor = 0.95;

    [Fact]
    public void The_trained_head_classifies_the_shipped_test_split_above_the_floor_and_its_scores_are_computed_from_it()
    {
        var trained = SentimentTestModel.Trained;
        var examples = SentimentCorpus.Examples;
        var test = Enumerable.Range(0, examples.Count).Where(i => examples[i].IsTest).ToArray();

        var correct = test.Count(i => trained.Head.Predict(SentimentTestModel.CorpusVectors[i]).Label == examples[i].Label);

        Assert.Equal(test.Length, trained.TestScores.Count);
        Assert.Equal((double)correct / test.Length, trained.TestScores.Accuracy, 12);
        Assert.True(trained.TestScores.Accuracy > AccuracyFloor, $"test accuracy {trained.TestScores.Accuracy:F4}");
        Assert.True(trained.TestScores.MacroF1 > AccuracyFloor, $"test macro-F1 {trained.TestScores.MacroF1:F4}");
        Assert.Equal(examples.Count - test.Length, trained.TrainExamples);
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights_and_another_seed_other_weights()
    {
        var options = MiniLmSentimentModel.HeadOptions with { Epochs = 5 };
        var first = MiniLmSentimentModel.Train(SentimentTestModel.CorpusVectors, options);
        var second = MiniLmSentimentModel.Train(SentimentTestModel.CorpusVectors, options);
        var reseeded = MiniLmSentimentModel.Train(SentimentTestModel.CorpusVectors, options with { Seed = options.Seed + 1 });

        Assert.Equal(first.Head.Weights.Cast<double>(), second.Head.Weights.Cast<double>());
        Assert.Equal(first.Head.Bias, second.Head.Bias);
        Assert.NotEqual(first.Head.Weights.Cast<double>(), reseeded.Head.Weights.Cast<double>());
    }

    [Theory]
    [InlineData("Profits soared and the company raised its outlook for the year, sending its shares to a record high.", SentimentLabel.Positive)]
    [InlineData("The stock surged 15% after revenue beat forecasts and the board approved a larger buyback.", SentimentLabel.Positive)]
    [InlineData("The lender collapsed into bankruptcy after regulators uncovered massive losses.", SentimentLabel.Negative)]
    [InlineData("Shares crashed 30% after the company slashed its forecast and suspended its dividend.", SentimentLabel.Negative)]
    [InlineData("The company will publish its quarterly report on Thursday.", SentimentLabel.Neutral)]
    [InlineData("The central bank left interest rates unchanged, as expected.", SentimentLabel.Neutral)]
    public void Clear_cut_sentences_outside_the_corpus_get_the_expected_labels(string sentence, SentimentLabel expected)
    {
        var probabilities = SentimentTestModel.Trained.Head.Predict(SentimentTestModel.Encoder.Encode([sentence])[0]);

        Assert.Equal(expected, probabilities.Label);
        Assert.Equal(1.0, probabilities.Positive + probabilities.Negative + probabilities.Neutral, 9);
    }

    [Fact]
    public void Scores_are_accuracy_and_the_unweighted_mean_of_the_classes_f1()
    {
        SentimentLabel[] actual = [SentimentLabel.Positive, SentimentLabel.Positive, SentimentLabel.Negative, SentimentLabel.Neutral];
        SentimentLabel[] predicted = [SentimentLabel.Positive, SentimentLabel.Negative, SentimentLabel.Negative, SentimentLabel.Neutral];

        var scores = ClassificationScores.Compute(predicted, actual);

        // positive: TP 1, predicted 1, actual 2 → 2/3; negative: TP 1, predicted 2, actual 1 → 2/3; neutral: 1.
        Assert.Equal(0.75, scores.Accuracy, 12);
        Assert.Equal(((2.0 / 3) + (2.0 / 3) + 1) / 3, scores.MacroF1, 12);
    }
}
