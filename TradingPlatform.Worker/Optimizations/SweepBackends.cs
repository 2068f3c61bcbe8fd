using TradingPlatform.Trading.Gpu;
using TradingPlatform.Trading.Optimization;

namespace TradingPlatform.Worker.Optimizations;

/// <summary>
/// Which evaluator a sweep uses: the CUDA kernel when the Worker's machine has an NVIDIA GPU (tried once, at the first
/// sweep), else the CPU fast path on every core. Either hands what it cannot reproduce to the full engine, and the GPU
/// and CPU paths give the same rows (tested on ILGPU's CPU accelerator, which is never used here). The instruments'
/// seeded ±0.02 % random slippage is keyed on the engine's order ids, which no fast path can reproduce: both take it at
/// its mean, 0, which costs at most 0.25 % of final equity in the measured cases (docs/parameter-sweeps.md), and the best
/// combination is always re-run through the engine, exactly, for its stored backtest. Without the approximation every
/// combination would run on the engine, about 2,000 times slower.
/// </summary>
internal sealed class SweepBackends(ILogger<SweepBackends> logger) : IDisposable
{
    private readonly Lazy<CrossoverSweepGpu?> _gpu = new(() =>
    {
        var gpu = CrossoverSweepGpu.TryCreate(out var reason, approximateRandomSlippage: true);
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

    public ISweepBackend Preferred => (ISweepBackend?)_gpu.Value ?? CrossoverSweepCpu.Approximate;

    public void Dispose()
    {
        if (_gpu.IsValueCreated)
        {
            _gpu.Value?.Dispose();
        }
    }
}
