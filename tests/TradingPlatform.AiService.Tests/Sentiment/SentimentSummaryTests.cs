using TradingPlatform.AiService.Sentiment;

namespace TradingPlatform.AiService.Tests.Sentiment;

public sealed class SentimentSummaryTests
{
    [Theory]
    [InlineData("Stocks rose. Bonds fell.", "Stocks rose.")]
    [InlineData("  The U.S. economy grew 2.5% in the quarter.\nAnalysts were surprised. ", "The U.S. economy grew 2.5% in the quarter.")]
    [InlineData("Atlas Motors Inc. beat estimates! Shares jumped.", "Atlas Motors Inc. beat estimates!")]
    [InlineData("No full stop here", "No full stop here")]
    public void The_summary_is_the_first_sentence(string text, string expected) =>
        Assert.Equal(expected, SentimentSummary.Of(text));

    [Fact]
    public void A_long_first_sentence_is_cut_at_a_word_to_at_most_140_characters()
    {
        var text = string.Join(' ', Enumerable.Repeat("revenue", 60)) + ".";

        var summary = SentimentSummary.Of(text);

        Assert.InRange(summary.Length, 100, SentimentSummary.MaxLength);
        Assert.EndsWith("revenue…", summary, StringComparison.Ordinal);
    }
}
