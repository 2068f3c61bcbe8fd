namespace TradingPlatform.AiService.Inference;

/// <summary>Which ONNX Runtime execution provider the AiService asks for (<c>Inference:ExecutionProvider</c>).</summary>
public enum ExecutionProviderPreference
{
    /// <summary>CUDA when a GPU answers, the CPU otherwise (the default).</summary>
    Auto,

    /// <summary>The CPU, even on a machine with a GPU.</summary>
    Cpu,

    /// <summary>CUDA or nothing: the AiService does not start without it (a GPU deployment that must not silently run on the CPU).</summary>
    Cuda,
}
