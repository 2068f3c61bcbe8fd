namespace TradingPlatform.AiService.Analysis;

/// <summary>
/// A recommendation an analysis gave a user (table <c>ai.recommendations</c>). It is <c>active</c> until
/// <see cref="ExpiresAt"/> (<c>expired</c> after), or <c>superseded</c> from the moment a later analysis of the same
/// user, symbol, timeframe and type replaced it.
/// </summary>
public sealed class AiRecommendation
{
    public const int MaxReasoningLength = 4000;

    public required Guid Id { get; init; }

    public required string UserId { get; init; }

    public required string Symbol { get; init; }

    public required string AnalysisType { get; init; }

    public required string Timeframe { get; init; }

    public required string Action { get; init; }

    public required decimal Price { get; init; }

    public required double Confidence { get; init; }

    public required string Reasoning { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? SupersededAt { get; set; }

    /// <summary>The signal it was published as (confident buy or sell only).</summary>
    public Guid? SignalId { get; init; }

    public string StatusAt(DateTimeOffset now) =>
        SupersededAt is { } superseded && superseded <= now ? "superseded" : ExpiresAt <= now ? "expired" : "active";
}
