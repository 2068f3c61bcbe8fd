namespace TradingPlatform.ServiceDefaults.SystemInfo;

/// <summary>
/// How the AiService runs its ONNX models: the execution provider in use (<c>CUDAExecutionProvider</c> or
/// <c>CPUExecutionProvider</c>), why it is not CUDA when it is not, and the ONNX Runtime version. The AiService lists it
/// and the Api's <c>/api/status</c> passes it on, so both sides share one contract. <see cref="MonteCarlo"/> is where
/// the Monte Carlo price paths run (null from an AiService that does not simulate).
/// </summary>
public sealed record InferenceInfo(string ExecutionProvider, string? FallbackReason, string OnnxRuntimeVersion, IReadOnlyList<string> CompiledProviders, MonteCarloInfo? MonteCarlo = null);
