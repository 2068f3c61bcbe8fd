using TradingPlatform.AiService.News;

namespace TradingPlatform.AiService.Tests.News;

/// <summary>The decay formula against values worked out by hand: w = 2^(−age / half-life), score = Σ w·s / Σ w.</summary>
public sealed class SentimentDecayTests
{
    private static readonly DateTimeOffset Now = new(2031, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Items_zero_one_and_two_half_lives_old_weigh_one_a_half_and_a_quarter()
    {
        // (0.8·1 + (−0.4)·0.5 + 1.0·0.25) / (1 + 0.5 + 0.25) = 0.85 / 1.75
        var decay = SentimentDecay.Of([(Now, 0.8), (Now.AddHours(-6), -0.4), (Now.AddHours(-12), 1.0)], Now, TimeSpan.FromHours(6));

        Assert.Equal(0.85 / 1.75, decay.Score!.Value, 12);
        Assert.Equal(1.75, decay.Weight, 12);
        Assert.Equal(3, decay.Count);
        Assert.Equal("positive", decay.Label);
    }

    [Fact]
    public void A_shorter_half_life_weighs_the_older_items_less()
    {
        // Half-life 4 h: 6 h is 1.5 half-lives (2^−1.5 = 0.35355…), 12 h three (0.125).
        var w6 = 0.35355339059327373;
        var decay = SentimentDecay.Of([(Now, 0.8), (Now.AddHours(-6), -0.4), (Now.AddHours(-12), 1.0)], Now, TimeSpan.FromHours(4));

        Assert.Equal((0.8 - (0.4 * w6) + 0.125) / (1 + w6 + 0.125), decay.Score!.Value, 12);
        Assert.Equal(1.47855339059327373, decay.Weight, 12);
    }

    [Fact]
    public void An_item_from_the_future_counts_as_fresh_and_no_items_give_no_score()
    {
        var future = SentimentDecay.Of([(Now.AddMinutes(2), -0.5), (Now.AddHours(-6), 0.5)], Now, TimeSpan.FromHours(6));
        var none = SentimentDecay.Of([], Now, TimeSpan.FromHours(6));

        // (−0.5·1 + 0.5·0.5) / 1.5 = −1/6
        Assert.Equal(-1.0 / 6, future.Score!.Value, 12);
        Assert.Equal("negative", future.Label);
        Assert.Null(none.Score);
        Assert.Null(none.Label);
        Assert.Equal((0, 0.0), (none.Count, none.Weight));
    }

    [Theory]
    [InlineData("1h", 60)]
    [InlineData("4h", 240)]
    [InlineData("1d", 1440)]
    [InlineData("15M", 15)]
    [InlineData("7d", 10080)]
    public void A_window_is_a_count_and_a_unit(string text, int minutes)
    {
        Assert.True(SentimentWindow.TryParse(text, out var window));
        Assert.Equal(TimeSpan.FromMinutes(minutes), window.Length);
        Assert.Equal(text.ToLowerInvariant(), window.Text);
    }

    [Theory]
    [InlineData("0h")]
    [InlineData("8d")]
    [InlineData("2w")]
    [InlineData("h")]
    [InlineData("1.5h")]
    [InlineData("")]
    public void A_window_outside_one_minute_to_seven_days_or_not_a_count_and_unit_is_refused(string text)
    {
        Assert.False(SentimentWindow.TryParse(text, out _));
    }
}
