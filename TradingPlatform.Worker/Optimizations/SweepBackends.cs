using TradingPlatform.Trading.Gpu;
using TradingPlatform.Trading.Optimization;

namespace TradingPlatform.Worker.Optimizations;

/// <summary>
/// Which evaluator a sweep uses: the CUDA kernel when the Worker's machine has an NVIDIA GPU (tried once, at the first
/// sweep), else the exact CPU fast path on every core. Either hands what it cannot reproduce to the full engine. The
/// GPU and CPU paths give the same rows (tested on ILGPU's CPU accelerator, which is never used here).
/// </summary>
internal sealed class SweepBackends(ILogger<SweepBackends> logger) : IDisposable
{
    private readonly Lazy<CrossoverSweepGpu?> _gpu = new(() =>
    {
        var gpu = CrossoverSweepGpu.TryCreate(out var reason);
        if (gpu is null)
        {
            logger.LogInformation("Sweeps run on the CPU: {Reason}", reason);
        }
        else
        {
            logger.LogInformation("Sweeps run on the GPU: {Device}", gpu.Device);
        }

        return gpu;
    });

    public ISweepBackend Preferred => (ISweepBackend?)_gpu.Value ?? CrossoverSweepCpu.Exact;

    public void Dispose()
    {
        if (_gpu.IsValueCreated)
        {
            _gpu.Value?.Dispose();
        }
    }
}
