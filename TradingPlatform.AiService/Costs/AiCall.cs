namespace TradingPlatform.AiService.Costs;

/// <summary>What a metered call reports to <see cref="AiCallMeter"/>; the meter prices it and adds the time.</summary>
public sealed record AiCall(
    string Feature,
    string Model,
    string ModelVersion,
    long InputUnits,
    long OutputUnits,
    TimeSpan Latency,
    double DeviceSeconds,
    string? ExecutionProvider,
    string? UserId);
