namespace TradingPlatform.ServiceDefaults.SystemInfo;

/// <summary>
/// How the AiService runs its ONNX models: the execution provider in use (<c>CUDAExecutionProvider</c> or
/// <c>CPUExecutionProvider</c>), why it is not CUDA when it is not, and the ONNX Runtime version. The AiService lists it
/// and the Api's <c>/api/status</c> passes it on, so both sides share one contract.
/// </summary>
public sealed record InferenceInfo(string ExecutionProvider, string? FallbackReason, string OnnxRuntimeVersion, IReadOnlyList<string> CompiledProviders);
