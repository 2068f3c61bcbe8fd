using TradingPlatform.ServiceDefaults.SystemInfo;

namespace TradingPlatform.Api.Monitoring;

/// <summary>
/// Seed 003's <c>SystemStatus</c>: every component by id, the AiService's GPUs (empty without one) and how it runs its
/// models (the ONNX Runtime execution provider and where Monte Carlo paths run; null while the AiService does not
/// answer). <see cref="GpusReason"/> says plainly why <see cref="Gpus"/> is empty (null when it lists a GPU).
/// </summary>
public sealed record SystemStatus(
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, ComponentStatus> Components,
    IReadOnlyList<GpuInfo> Gpus,
    InferenceInfo? Inference,
    string? GpusReason)
{
    /// <summary>Why no GPU is listed: the AiService did not answer, or it found none (with the Monte Carlo engine's own reason when it gave one).</summary>
    public static string? ReasonFor(IReadOnlyList<GpuInfo> gpus, InferenceInfo? inference) =>
        gpus.Count > 0 ? null
        : inference is null ? "no GPU listed: the AiService did not answer"
        : "no GPU: the AiService found no NVIDIA GPU (nvidia-smi is absent or lists none); ONNX Runtime runs on " + inference.ExecutionProvider
          + (inference.MonteCarlo is { } monteCarlo ? $" and Monte Carlo paths on {monteCarlo.Backend} ({monteCarlo.Device})" : "");
}
