using TradingPlatform.AiService.Analysis;

namespace TradingPlatform.AiService.Tests.Analysis;

public sealed class MarketAnalyzerTests
{
    private static readonly (double?, string?, int) NoNews = (null, null, 0);

    [Fact]
    public void A_double_top_alone_scores_a_pattern_sell_of_0_4()
    {
        var analysis = MarketAnalyzer.Analyze(Series.DoubleTop(), AnalysisTypes.Pattern, 1, 0.0025, 0.005, null, NoNews);
        Assert.Equal(("sell", 0.4), (analysis.Signal, analysis.Confidence));
    }

    [Fact]
    public void A_breakout_of_a_twice_touched_level_is_a_level_buy_citing_the_level()
    {
        var analysis = MarketAnalyzer.Analyze(Series.Breakout(), AnalysisTypes.SupportResistance, 1, 0.0025, 0.005, null, NoNews);

        // 0.25 × 2 touches; the broken level is now the nearest support: (105.9 − 105.05) / 105.9 = 0.803 %.
        Assert.Equal(("buy", 0.5), (analysis.Signal, analysis.Confidence));
        Assert.Equal(105.05, analysis.Support[0].Price, 9);
        Assert.Contains("price 105.9 is 0.803 % above support 105.05 (2 touches)", analysis.Reasoning, StringComparison.Ordinal);
        Assert.StartsWith("buy on support_resistance (score 0.5, confidence 0.5)", analysis.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_bullish_patterns_score_0_8_on_pattern_analysis()
    {
        var analysis = MarketAnalyzer.Analyze(Series.Breakout(), AnalysisTypes.Pattern, 1, 0.0025, 0.005, null, NoNews);
        Assert.Equal(("buy", 0.8), (analysis.Signal, analysis.Confidence));
    }

    [Fact]
    public void Trend_analysis_averages_the_line_with_the_models_probability()
    {
        var bars = Series.Of([.. Enumerable.Range(0, 20).Select(i => (100.0 + i + 0.5, 100.0 + i - 0.5, 100.0 + i))]);

        // A straight rise scores 1; a model P(up) of 0.3 scores 2·0.3 − 1 = −0.4; their mean is 0.3.
        var analysis = MarketAnalyzer.Analyze(bars, AnalysisTypes.Trend, 3, 0.0025, 0.005, 0.3, NoNews);
        Assert.Equal(("buy", 0.3), (analysis.Signal, analysis.Confidence));
        Assert.Contains("the active N-BEATS model gives P(up) 0.3", analysis.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentiment_analysis_weights_the_news_score_by_how_many_items_there_are()
    {
        var bars = Series.DoubleTop();

        // −0.6 from 2 items: −0.6 × 2/3 = −0.4.
        var analysis = MarketAnalyzer.Analyze(bars, AnalysisTypes.Sentiment, 1, 0.0025, 0.005, null, (-0.6, "negative", 2));
        Assert.Equal(("sell", 0.4), (analysis.Signal, analysis.Confidence));
        Assert.Contains("news sentiment -0.6 (negative, 2 items)", analysis.Reasoning, StringComparison.Ordinal);

        var quiet = MarketAnalyzer.Analyze(bars, AnalysisTypes.Sentiment, 1, 0.0025, 0.005, null, NoNews);
        Assert.Equal(("hold", 0.0), (quiet.Signal, quiet.Confidence));
    }
}
