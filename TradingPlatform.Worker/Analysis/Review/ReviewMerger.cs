using System.Globalization;
using System.Text.Json.Nodes;
using TradingPlatform.Trading.Market;
using TradingPlatform.Worker.Analysis.Rules;
using TradingPlatform.Jobs.Analysis;

namespace TradingPlatform.Worker.Analysis.Review;

/// <summary>
/// Folds a model's review into the rule engine's suggestions. The model may reword the reasoning and the expected
/// effect, change the confidence and the proposed value; it cannot change which setting of which strategy or account a
/// suggestion is about, its current value, or the backtests (they stay the engine's figures). A proposed value that
/// is not valid for its setting keeps the rule's. A suggestion the model left out is one it rejected; one it made up
/// (an unknown key) is ignored.
/// </summary>
internal static class ReviewMerger
{
    public static IReadOnlyList<AnalysedSuggestion> Merge(IReadOnlyList<AnalysedSuggestion> drafts, ConfigReviewResult review)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(review);
        var reviewed = review.Suggestions.Where(s => s?.Key is not null).GroupBy(s => s.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var merged = new List<AnalysedSuggestion>();
        foreach (var suggestion in drafts)
        {
            if (!reviewed.TryGetValue(suggestion.Draft.Key, out var answer))
            {
                continue;
            }

            var draft = suggestion.Draft;
            var effect = suggestion.Effect.DeepClone().AsObject();
            if (!string.IsNullOrWhiteSpace(answer.ExpectedEffect))
            {
                effect["summary"] = Truncate(answer.ExpectedEffect);
            }

            merged.Add(new AnalysedSuggestion(draft with
            {
                ProposedValue = IsValid(draft.Setting, answer.ProposedValue) && answer.ProposedValue != draft.CurrentValue ? answer.ProposedValue.Trim() : draft.ProposedValue,
                Reasoning = string.IsNullOrWhiteSpace(answer.Reasoning) ? draft.Reasoning : Truncate(answer.Reasoning),
                Confidence = double.IsFinite(answer.Confidence) ? Math.Round(Math.Clamp(answer.Confidence, 0, 1), 2) : draft.Confidence,
            }, effect, SuggestionSources.Llm));
        }

        return merged;
    }

    /// <summary>What the Api's apply accepts for the setting.</summary>
    public static bool IsValid(string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        value = value.Trim();
        var number = decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : (decimal?)null;
        return setting switch
        {
            ConfigSettings.Leverage => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var leverage) && leverage is >= 1 and <= 100,
            ConfigSettings.StopLoss or ConfigSettings.MaxRiskPerTrade or ConfigSettings.MaxDailyLoss => number is > 0m and <= 100m,
            ConfigSettings.TakeProfit => number is > 0m and <= 1000m,
            ConfigSettings.AccountMaxDailyLoss => number is >= 0.01m and <= 1_000_000_000m,
            ConfigSettings.Interval => CandleInterval.TryParse(value, out _),
            ConfigSettings.Status => value is "paused" or "inactive",
            _ => false,
        };
    }

    private static string Truncate(string text) => text.Length <= ConfigSuggestion.MaxTextLength ? text.Trim() : text[..ConfigSuggestion.MaxTextLength].Trim();
}
