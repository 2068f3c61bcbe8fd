using TradingPlatform.AiService.Sentiment;

namespace TradingPlatform.AiService.Tests.Sentiment;

public sealed class SentimentCorpusTests
{
    [Fact]
    public void The_corpus_has_at_least_1500_distinct_sentences_over_three_balanced_labels_split_80_20_within_each()
    {
        var examples = SentimentCorpus.Examples;

        Assert.True(examples.Count >= 1500, $"{examples.Count} rows");
        Assert.Equal(examples.Count, examples.Select(e => e.Text.Trim().ToUpperInvariant()).Distinct().Count());
        var byLabel = examples.GroupBy(e => e.Label).ToDictionary(g => g.Key, g => g.ToArray());
        Assert.Equal(3, byLabel.Count);
        foreach (var (label, rows) in byLabel)
        {
            Assert.True(rows.Length >= 400, $"{label}: {rows.Length}");
            Assert.Equal(rows.Length / 5, rows.Count(r => r.IsTest));
        }
    }

    [Fact]
    public void A_malformed_row_names_its_line()
    {
        var error = Assert.Throws<FormatException>(() => SentimentCorpus.Parse(new StringReader("# header\npositive\ttrain\tGood.\nbullish\ttrain\tHm.\n")));

        Assert.Contains("Line 3", error.Message, StringComparison.Ordinal);
    }
}
