namespace TradingPlatform.AiService.News;

/// <summary>
/// <c>GET /api/sentiment</c>: the symbol's (or, without one, all news's) time-decayed sentiment over the window as of
/// <see cref="AsOf"/> (<see cref="SentimentDecay"/> gives the formula), how many items it counts and their total
/// weight, and the latest items with their scores and weights, newest first.
/// </summary>
public sealed record SentimentAggregateResponse(
    string? Symbol,
    string Window,
    double HalfLifeHours,
    DateTimeOffset AsOf,
    double? Score,
    string? Label,
    int Count,
    double Weight,
    IReadOnlyList<SentimentAggregateItem> Items);
