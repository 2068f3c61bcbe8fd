using TradingPlatform.Worker.Analysis.Figures;

namespace TradingPlatform.Worker.Analysis.Rules;

/// <summary>One deterministic check of a user's figures; it proposes nothing when its condition does not hold.</summary>
public interface IConfigRule
{
    /// <summary>Stable; a suggestion's key is this and its target's id.</summary>
    string Name { get; }

    IEnumerable<SuggestionDraft> Evaluate(UserFigures figures);
}
