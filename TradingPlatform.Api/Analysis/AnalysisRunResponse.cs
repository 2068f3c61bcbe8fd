using System.Text.Json;

namespace TradingPlatform.Api.Analysis;

/// <summary>
/// One configuration analysis of the caller's (the history): trigger (manual or daily), when it started and finished,
/// status (running, succeeded, failed), source (rules, or llm when a model reviewed it) and model, the figures it
/// computed (name → number), how many suggestions it stored, and its error or note (a failed model review).
/// </summary>
public sealed record AnalysisRunResponse(
    Guid Id,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    string Source,
    string? Model,
    JsonElement Figures,
    int SuggestionCount,
    string? Error)
{
    public static AnalysisRunResponse From(AnalysisRunRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        using var figures = JsonDocument.Parse(row.Figures);
        return new(row.Id, row.Trigger, row.StartedAt, row.FinishedAt, row.Status, row.Source, row.Model, figures.RootElement.Clone(), row.SuggestionCount, row.Error);
    }
}
