namespace TradingPlatform.AiService.Chat.ConfigReview;

/// <summary>One configuration suggestion, as the Worker's rule engine wrote it and as the review answers it (same shape).</summary>
public sealed record ConfigSuggestionItem(
    string? Key, string? Setting, Guid? StrategyId, Guid? AccountId, string? CurrentValue, string? ProposedValue,
    string? Reasoning, string? ExpectedEffect, double? Confidence);
