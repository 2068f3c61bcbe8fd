using System.Text.Json.Nodes;
using TradingPlatform.Worker.Analysis;
using TradingPlatform.Worker.Analysis.Review;
using TradingPlatform.Worker.Analysis.Rules;
using TradingPlatform.Jobs.Analysis;

namespace TradingPlatform.Worker.Tests.Analysis;

/// <summary>What a model's review may and may not change in the rule engine's suggestions.</summary>
public sealed class ReviewMergerTests
{
    private static readonly Guid Account = Guid.NewGuid();
    private static readonly Guid Strategy = Guid.NewGuid();

    private static readonly AnalysedSuggestion Leverage = new(
        new SuggestionDraft("over-leverage:a", ConfigSettings.Leverage, null, Account, "10", "3", "rules' reasoning", "rules' effect", 0.8),
        new JsonObject { ["summary"] = "rules' effect" }, SuggestionSources.Rules);

    private static readonly AnalysedSuggestion Stop = new(
        new SuggestionDraft("stop-loss:s", ConfigSettings.StopLoss, Strategy, Account, "15", "5", "rules' reasoning", "rules' effect", 0.7),
        new JsonObject { ["summary"] = "rules' effect", ["backtest"] = new JsonObject { ["current"] = new JsonObject { ["trades"] = 4 } } }, SuggestionSources.Rules);

    [Fact]
    public void The_model_rewords_and_reweighs_but_cannot_retarget_or_touch_the_backtest()
    {
        var review = new ConfigReviewResult(
        [
            new ReviewSuggestion("stop-loss:s", "takeProfit", Guid.NewGuid(), null, "99", "4.5", "model's reasoning", "model's effect", 1.7),
        ], "m");

        var merged = Assert.Single(ReviewMerger.Merge([Leverage, Stop], review));

        var draft = merged.Draft;
        Assert.Equal(SuggestionSources.Llm, merged.Source);
        Assert.Equal((ConfigSettings.StopLoss, Strategy, Account, "15"), (draft.Setting, draft.StrategyId!.Value, draft.AccountId!.Value, draft.CurrentValue));
        Assert.Equal("4.5", draft.ProposedValue);
        Assert.Equal("model's reasoning", draft.Reasoning);
        Assert.Equal(1, draft.Confidence);
        Assert.Equal("model's effect", merged.Effect["summary"]!.GetValue<string>());
        Assert.Equal(4, merged.Effect["backtest"]!["current"]!["trades"]!.GetValue<int>());
        // The rule's own effect object is not changed by the merge.
        Assert.Equal("rules' effect", Stop.Effect["summary"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(ConfigSettings.Leverage, "500")]
    [InlineData(ConfigSettings.Leverage, "2.5")]
    [InlineData(ConfigSettings.Leverage, "10")]
    [InlineData(ConfigSettings.Leverage, "lots")]
    [InlineData(ConfigSettings.Leverage, "")]
    public void An_invalid_or_unchanged_proposal_keeps_the_rules_value(string setting, string proposed)
    {
        var review = new ConfigReviewResult([new ReviewSuggestion("over-leverage:a", setting, null, Account, "10", proposed, "", "", double.NaN)], "m");

        var merged = Assert.Single(ReviewMerger.Merge([Leverage], review));

        Assert.Equal("3", merged.Draft.ProposedValue);
        Assert.Equal("rules' reasoning", merged.Draft.Reasoning);
        Assert.Equal(0.8, merged.Draft.Confidence);
    }

    [Fact]
    public void Left_out_suggestions_are_rejected_and_invented_ones_ignored()
    {
        var review = new ConfigReviewResult([new ReviewSuggestion("made-up", ConfigSettings.Leverage, null, Account, "10", "1", "r", "e", 0.9)], "m");

        Assert.Empty(ReviewMerger.Merge([Leverage, Stop], review));
    }

    [Theory]
    [InlineData(ConfigSettings.StopLoss, "0.5", true)]
    [InlineData(ConfigSettings.StopLoss, "0", false)]
    [InlineData(ConfigSettings.StopLoss, "101", false)]
    [InlineData(ConfigSettings.TakeProfit, "250", true)]
    [InlineData(ConfigSettings.Interval, "4h", true)]
    [InlineData(ConfigSettings.Interval, "2h", false)]
    [InlineData(ConfigSettings.Status, "paused", true)]
    [InlineData(ConfigSettings.Status, "active", false)]
    [InlineData(ConfigSettings.AccountMaxDailyLoss, "500", true)]
    [InlineData("somethingElse", "1", false)]
    public void Proposed_values_are_checked_against_what_the_api_accepts(string setting, string value, bool valid)
    {
        Assert.Equal(valid, ReviewMerger.IsValid(setting, value));
    }
}
