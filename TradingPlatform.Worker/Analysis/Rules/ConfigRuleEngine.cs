using TradingPlatform.Worker.Analysis.Figures;

namespace TradingPlatform.Worker.Analysis.Rules;

/// <summary>Every rule on one user's figures: their suggestions, one per key, in rule order (deterministic).</summary>
public sealed class ConfigRuleEngine(IEnumerable<IConfigRule> rules)
{
    /// <summary>The platform's rules, in the order their suggestions are listed.</summary>
    public static IReadOnlyList<IConfigRule> Default { get; } =
        [new OverLeverageRule(), new StopLossRule(), new NegativeExpectancyRule(), new FeesRule(), new RiskLimitsRule()];

    public IReadOnlyList<SuggestionDraft> Evaluate(UserFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return [.. rules.SelectMany(rule => rule.Evaluate(figures)).DistinctBy(draft => draft.Key, StringComparer.Ordinal)];
    }
}
