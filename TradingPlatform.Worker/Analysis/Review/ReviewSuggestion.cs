namespace TradingPlatform.Worker.Analysis.Review;

/// <summary>One suggestion as the AiService's <c>POST /api/ai/config-review</c> reads and answers it (camelCase JSON).</summary>
public sealed record ReviewSuggestion(
    string Key,
    string Setting,
    Guid? StrategyId,
    Guid? AccountId,
    string CurrentValue,
    string ProposedValue,
    string Reasoning,
    string ExpectedEffect,
    double Confidence);
