using TradingPlatform.AiService.Sentiment;

namespace TradingPlatform.AiService.Tests.Sentiment;

public sealed class AuthenticityHeuristicTests
{
    [Fact]
    public void Sourced_sober_news_keeps_full_authenticity()
    {
        var assessment = AuthenticityHeuristic.Assess("Meridian Bank reported third-quarter profit of $1.2 billion, in line with estimates.", "Reuters");

        Assert.Equal(1.0, assessment.Score);
        Assert.Empty(assessment.Signals);
    }

    [Fact]
    public void A_missing_source_costs_0_2()
    {
        Assert.Equal(0.8, AuthenticityHeuristic.Assess("The index closed flat.", "  ").Score, 12);
    }

    [Fact]
    public void Shouting_exclamations_pump_phrases_and_hype_emoji_add_up_and_the_score_stays_in_0_to_1()
    {
        var pump = AuthenticityHeuristic.Assess("THIS COIN IS GOING TO THE MOON!!! GUARANTEED 100X GAINS, BUY NOW \U0001F680\U0001F680\U0001F680", null);
        var mild = AuthenticityHeuristic.Assess("Big day for the stock!", "Blog");

        Assert.Equal(0.0, pump.Score);
        Assert.Contains("mostly upper case", pump.Signals);
        Assert.Contains(pump.Signals, s => s.StartsWith("pump phrases: guaranteed, to the moon, 100x, buy now", StringComparison.Ordinal));
        Assert.Equal(1 - AuthenticityHeuristic.PerExclamation, mild.Score, 12);
    }

    [Fact]
    public void Each_penalty_is_capped()
    {
        var exclamations = AuthenticityHeuristic.Assess("Stocks rose today" + new string('!', 40), "Wire");

        Assert.Equal(1 - AuthenticityHeuristic.MaxExclamation, exclamations.Score, 12);
    }
}
