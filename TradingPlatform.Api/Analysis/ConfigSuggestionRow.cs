namespace TradingPlatform.Api.Analysis;

/// <summary>A row of the Worker's <c>analytics.config_suggestions</c>, read with plain SQL (the Worker's model defines the table).</summary>
public sealed record ConfigSuggestionRow(
    Guid Id,
    Guid RunId,
    Guid UserId,
    string Key,
    Guid? StrategyId,
    Guid? AccountId,
    string Setting,
    string CurrentValue,
    string ProposedValue,
    string Reasoning,
    string ExpectedEffect,
    double Confidence,
    string Status,
    string Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AppliedAt);
