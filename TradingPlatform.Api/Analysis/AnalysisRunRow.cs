namespace TradingPlatform.Api.Analysis;

/// <summary>A row of the Worker's <c>analytics.config_analysis_runs</c>, read with plain SQL (the Worker's model defines the table).</summary>
public sealed record AnalysisRunRow(
    Guid Id,
    Guid UserId,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    string Source,
    string? Model,
    string Figures,
    int SuggestionCount,
    string? Error);
