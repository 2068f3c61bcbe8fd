using TradingPlatform.ServiceDefaults.SystemInfo;

namespace TradingPlatform.Api.Monitoring;

/// <summary>Seed 003's <c>SystemStatus</c>: every component by id, and the AiService's GPUs (empty without one).</summary>
public sealed record SystemStatus(
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, ComponentStatus> Components,
    IReadOnlyList<GpuInfo> Gpus);
