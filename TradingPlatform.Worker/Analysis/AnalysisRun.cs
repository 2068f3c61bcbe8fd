namespace TradingPlatform.Worker.Analysis;

/// <summary>
/// One configuration analysis of one user (<c>GET /api/ai/analysis-history</c>): when and why it ran, how it ended,
/// whether a model reviewed the rule engine's suggestions, and the figures it computed (a JSON object of name → number).
/// </summary>
public sealed class AnalysisRun
{
    public const int MaxErrorLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid UserId { get; init; }

    /// <summary><see cref="AnalysisTriggers.Manual"/> or <see cref="AnalysisTriggers.Daily"/>.</summary>
    public required string Trigger { get; set; }

    public required DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>One of <see cref="AnalysisRunStatus"/>.</summary>
    public string Status { get; set; } = AnalysisRunStatus.Running;

    /// <summary><see cref="SuggestionSources.Rules"/>, or <see cref="SuggestionSources.Llm"/> when a model reviewed the suggestions.</summary>
    public string Source { get; set; } = SuggestionSources.Rules;

    /// <summary>The model that reviewed the suggestions, when one did.</summary>
    public string? Model { get; set; }

    /// <summary>The figures as a JSON object (jsonb).</summary>
    public string Figures { get; set; } = "{}";

    /// <summary>How many suggestions the run stored.</summary>
    public int SuggestionCount { get; set; }

    /// <summary>Why it failed, or what went wrong without failing it (a model review that failed: the rules' suggestions were kept).</summary>
    public string? Error { get; set; }
}
