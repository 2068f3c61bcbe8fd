using TradingPlatform.Jobs.Analysis;
namespace TradingPlatform.Worker.Analysis;

/// <summary>
/// One concrete change the analysis proposes: which <see cref="Setting"/> of which strategy or account, from what to
/// what, why (the reasoning quotes the figures), what it should do (<see cref="ExpectedEffect"/>, a JSON object that
/// holds both backtests' key metrics where one applies) and how sure the analysis is.
/// </summary>
public sealed class ConfigSuggestion
{
    public const int MaxTextLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid RunId { get; init; }

    public required Guid UserId { get; init; }

    /// <summary>The rule that produced it (stable across runs, e.g. <c>over-leverage</c>), with the target's id.</summary>
    public required string Key { get; init; }

    public Guid? StrategyId { get; init; }

    public Guid? AccountId { get; init; }

    /// <summary>One of <see cref="ConfigSettings"/>.</summary>
    public required string Setting { get; init; }

    public required string CurrentValue { get; init; }

    public required string ProposedValue { get; init; }

    public required string Reasoning { get; init; }

    /// <summary>A JSON object (jsonb): a summary and, where a backtest applies, the current and proposed runs' metrics.</summary>
    public required string ExpectedEffect { get; init; }

    /// <summary>0..1.</summary>
    public required double Confidence { get; init; }

    public string Status { get; set; } = SuggestionStatus.Active;

    /// <summary><see cref="SuggestionSources.Rules"/> or <see cref="SuggestionSources.Llm"/>.</summary>
    public required string Source { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? AppliedAt { get; set; }
}
