using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// The paths on a CUDA GPU through ILGPU: one thread per path runs <see cref="MonteCarloPaths"/>, the code the CPU
/// reference runs, with the generator and the arithmetic of <see cref="Philox4x32"/> and
/// <see cref="DeterministicMath"/>, so that it produces the reference's paths bit for bit (tested on ILGPU's CPU
/// accelerator, and its PTX checked for operations that would differ on CUDA). Only a CUDA device is used:
/// <see cref="TryCreate"/> reports "no GPU" otherwise, and the ILGPU CPU accelerator (an emulator for debugging
/// kernels, orders of magnitude slower than <see cref="MonteCarloPathsCpu"/>) is reachable only from the tests.
/// </summary>
internal sealed class MonteCarloPathsGpu : IMonteCarloBackend
{
    /// <summary>Paths per launch: cancellation between launches, each launch long enough to fill a GPU.</summary>
    private const int DefaultBatch = 1 << 20;

    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly Action<Index1D, PathConstants, DevicePathBuffers, int> _kernel;
    private readonly int _batch;
    private readonly Lock _gate = new();

    private MonteCarloPathsGpu(Context context, Accelerator accelerator, MonteCarloBackend kind, int batch, Action<Index1D, PathConstants, DevicePathBuffers, int> kernel)
    {
        _context = context;
        _accelerator = accelerator;
        _batch = batch;
        Kind = kind;
        _kernel = accelerator.LoadAutoGroupedStreamKernel(kernel);
        DeviceName = $"{accelerator.AcceleratorType} {accelerator.Name}";
    }

    public MonteCarloBackend Kind { get; }

    /// <summary>The device the kernel runs on (type and name).</summary>
    public string DeviceName { get; }

    /// <summary>The kernel on the first CUDA device, or null with <paramref name="reason"/> ("no GPU: …") when there is none or the driver cannot be loaded.</summary>
    public static MonteCarloPathsGpu? TryCreate(out string reason)
    {
        Context? context = null;
        try
        {
            context = Context.Create(builder => builder.Cuda());
            var devices = context.GetCudaDevices();
            if (devices.Count == 0)
            {
                context.Dispose();
                reason = "no GPU: ILGPU found no CUDA device";
                return null;
            }

            reason = string.Empty;
            return new MonteCarloPathsGpu(context, devices[0].CreateAccelerator(context), MonteCarloBackend.Cuda, DefaultBatch, MonteCarloKernel.Run<PtxFusedMultiplyAdd>);
        }
        catch (Exception failure) when (failure is InvalidOperationException or NotSupportedException or DllNotFoundException or TypeInitializationException or AcceleratorException)
        {
            // A machine without the CUDA driver fails here rather than finding zero devices.
            context?.Dispose();
            reason = $"no GPU: {failure.Message}";
            return null;
        }
    }

    /// <summary>
    /// The kernel on ILGPU's CPU accelerator, for testing the kernel with small inputs only: never a production path.
    /// Instantiated with the managed fused multiply-add, as inline PTX cannot run there (it reports <see cref="MonteCarloBackend.Cpu"/> as its kind, and its device name says it is the emulator).
    /// </summary>
    internal static MonteCarloPathsGpu CreateOnCpuEmulator(int batch = 16)
    {
        var context = Context.Create(builder => builder.CPU());
        return new MonteCarloPathsGpu(context, context.CreateCPUAccelerator(0), MonteCarloBackend.Cpu, batch, MonteCarloKernel.Run<ManagedFusedMultiplyAdd>);
    }

    public MonteCarloSimulation Simulate(MonteCarloRequest request, CancellationToken cancellationToken)
    {
        var inputs = PathInputs.From(request);
        var simulation = new MonteCarloSimulation(request.Paths, request.Steps);
        lock (_gate)
        {
            using var prices = _accelerator.Allocate1D<double>(simulation.Prices.Length);
            using var stopLoss = _accelerator.Allocate1D<int>(request.Paths);
            using var takeProfit = _accelerator.Allocate1D<int>(request.Paths);
            using var growth = _accelerator.Allocate1D(inputs.Growth);
            using var basePath = _accelerator.Allocate1D(inputs.Base);
            var buffers = new DevicePathBuffers
            {
                Prices = prices.View, StopLossSteps = stopLoss.View, TakeProfitSteps = takeProfit.View,
                GrowthFactors = growth.View, BasePath = basePath.View, Paths = request.Paths,
            };
            for (var offset = 0; offset < request.Paths; offset += _batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _kernel(Math.Min(_batch, request.Paths - offset), inputs.Constants, buffers, offset);
                _accelerator.Synchronize();
            }

            prices.View.CopyToCPU(simulation.Prices);
            stopLoss.View.CopyToCPU(simulation.StopLossSteps);
            takeProfit.View.CopyToCPU(simulation.TakeProfitSteps);
        }

        return simulation;
    }

    public void Dispose()
    {
        _accelerator.Dispose();
        _context.Dispose();
    }
}
