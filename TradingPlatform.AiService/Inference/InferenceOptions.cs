namespace TradingPlatform.AiService.Inference;

/// <summary>The <c>Inference</c> section.</summary>
public sealed class InferenceOptions
{
    public const string Section = "Inference";

    public ExecutionProviderPreference ExecutionProvider { get; set; } = ExecutionProviderPreference.Auto;

    /// <summary>The CUDA device the CUDA provider runs on.</summary>
    public int CudaDeviceId { get; set; }
}
