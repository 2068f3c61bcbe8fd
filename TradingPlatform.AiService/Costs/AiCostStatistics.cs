namespace TradingPlatform.AiService.Costs;

/// <summary>
/// <c>GET /api/ai/cost/statistics</c>: seed 000's totals (<c>totalRequests</c>, <c>totalInputTokens</c>,
/// <c>totalOutputTokens</c>, <c>totalCostUsd</c>; "tokens" are each feature's units) over [<see cref="From"/>,
/// <see cref="To"/>), and the same by model (<c>name version</c>), by feature and by UTC day (<c>yyyy-MM-dd</c>).
/// </summary>
public sealed record AiCostStatistics(
    DateTimeOffset From,
    DateTimeOffset To,
    long TotalRequests,
    long TotalInputTokens,
    long TotalOutputTokens,
    decimal TotalCostUsd,
    double MeanLatencyMs,
    IReadOnlyList<AiCostBreakdown> ByModel,
    IReadOnlyList<AiCostBreakdown> ByFeature,
    IReadOnlyList<AiCostBreakdown> ByDay);
