using TradingPlatform.ServiceDefaults.SystemInfo;

namespace TradingPlatform.Api.Monitoring;

/// <summary>
/// Seed 003's <c>SystemStatus</c>: every component by id, the AiService's GPUs (empty without one) and how it runs its
/// models (the ONNX Runtime execution provider; null while the AiService does not answer).
/// </summary>
public sealed record SystemStatus(
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, ComponentStatus> Components,
    IReadOnlyList<GpuInfo> Gpus,
    InferenceInfo? Inference);
