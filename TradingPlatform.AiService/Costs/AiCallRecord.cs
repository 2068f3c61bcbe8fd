namespace TradingPlatform.AiService.Costs;

/// <summary>
/// One metered AI call: who made it (the token's <c>sub</c>; null for an anonymous or internal call), the feature and
/// the model, the units in and out (tokens, texts, points or series, as the feature counts them), its latency, the
/// device seconds it used, and its cost from the price table (<see cref="AiCostOptions"/>) at the time.
/// </summary>
public sealed class AiCallRecord
{
    public Guid Id { get; set; }

    public string? UserId { get; set; }

    public required string Feature { get; set; }

    public required string Model { get; set; }

    public required string ModelVersion { get; set; }

    public long InputUnits { get; set; }

    public long OutputUnits { get; set; }

    public double LatencyMs { get; set; }

    public double DeviceSeconds { get; set; }

    public decimal CostUsd { get; set; }

    public string? ExecutionProvider { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The UTC day of <see cref="RecordedAt"/>, for the statistics' days.</summary>
    public DateOnly RecordedOn { get; set; }
}
