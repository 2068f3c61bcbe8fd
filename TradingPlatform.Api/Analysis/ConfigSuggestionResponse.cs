using System.Text.Json;

namespace TradingPlatform.Api.Analysis;

/// <summary>
/// One suggestion of the caller's: the setting of a strategy or an account, its current and proposed values, the
/// reasoning (with the figures), the expected effect (a summary and, where one applies, the current and proposed
/// backtests' metrics), a confidence in 0..1, its status and whether the rules or a model wrote it.
/// </summary>
public sealed record ConfigSuggestionResponse(
    Guid Id,
    Guid RunId,
    string Key,
    Guid? StrategyId,
    Guid? AccountId,
    string Setting,
    string CurrentValue,
    string ProposedValue,
    string Reasoning,
    JsonElement ExpectedEffect,
    double Confidence,
    string Status,
    string Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AppliedAt)
{
    public static ConfigSuggestionResponse From(ConfigSuggestionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        using var effect = JsonDocument.Parse(row.ExpectedEffect);
        return new(row.Id, row.RunId, row.Key, row.StrategyId, row.AccountId, row.Setting, row.CurrentValue, row.ProposedValue, row.Reasoning,
            effect.RootElement.Clone(), row.Confidence, row.Status, row.Source, row.CreatedAt, row.AppliedAt);
    }
}
