namespace TradingPlatform.Worker.Analysis;

/// <summary>
/// That a user asked for an analysis of their configuration, and where it stands: one row per user. The analysis
/// itself (and its result) comes with the AI issue; until then every request stays <see cref="Requested"/>.
/// </summary>
public sealed class ConfigAnalysisRequest
{
    public const string Requested = "requested";

    public Guid UserId { get; init; }

    public string Status { get; init; } = Requested;

    /// <summary>When the latest analysis job for the user recorded the request.</summary>
    public DateTimeOffset RequestedAt { get; init; }
}
