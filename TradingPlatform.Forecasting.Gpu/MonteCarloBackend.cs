namespace TradingPlatform.Forecasting.Gpu;

/// <summary>Where an engine simulates its paths.</summary>
public enum MonteCarloBackend
{
    /// <summary>Plain C# on every core (Parallel.For over blocks of paths).</summary>
    Cpu,

    /// <summary>The ILGPU kernel on a CUDA device.</summary>
    Cuda,
}
