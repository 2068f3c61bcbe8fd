using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Trading.Optimization.FastPath;

namespace TradingPlatform.Trading.Gpu;

/// <summary>
/// The crossover sweep on a CUDA GPU through ILGPU: the bars and indicator rows are copied to device memory once per
/// sweep, and a kernel with one thread per combination runs the fast path's own simulation
/// (<see cref="CrossoverSimulation{TBars}"/>), integer for integer the CPU path's arithmetic, so its figures equal the
/// CPU path's (and hence the engine's). Combinations the fast path gives back, and sweeps it cannot run, go to the
/// engine as on the CPU. Only a CUDA device is used: <see cref="TryCreate"/> reports "no GPU" otherwise, and the ILGPU
/// CPU accelerator (an emulator for debugging kernels, orders of magnitude slower than <see cref="CrossoverSweepCpu"/>)
/// is reachable only from the kernel's tests.
/// </summary>
public sealed class CrossoverSweepGpu : ISweepBackend, IDisposable
{
    /// <summary>Combinations per launch: progress and cancellation between launches, each launch long enough to fill a GPU.</summary>
    private const int DefaultBatch = 65_536;

    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly Action<Index1D, DeviceCrossoverBars, CrossoverConstants, ArrayView<CrossoverCombination>, ArrayView<CrossoverAccumulators>, int> _kernel;
    private readonly bool _approximateRandomSlippage;
    private readonly int _batch;
    private readonly Lock _gate = new();

    private CrossoverSweepGpu(Context context, Accelerator accelerator, bool approximateRandomSlippage, int batch)
    {
        _context = context;
        _accelerator = accelerator;
        _approximateRandomSlippage = approximateRandomSlippage;
        _batch = batch;
        _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, DeviceCrossoverBars, CrossoverConstants, ArrayView<CrossoverCombination>, ArrayView<CrossoverAccumulators>, int>(CrossoverKernel.Run);
        Device = $"{accelerator.AcceleratorType} {accelerator.Name}";
    }

    public string Name => "gpu";

    /// <summary>The device the kernel runs on (type and name).</summary>
    public string Device { get; }

    /// <summary>
    /// The sweep on the first CUDA device, or null with <paramref name="reason"/> ("no GPU: …") when there is none or
    /// the driver cannot be loaded.
    /// </summary>
    public static CrossoverSweepGpu? TryCreate(out string reason, bool approximateRandomSlippage = false)
    {
        Context? context = null;
        try
        {
            context = Context.Create(builder => builder.Cuda());
            var devices = context.GetCudaDevices();
            var device = devices.Count > 0 ? devices[0] : null;
            if (device is null)
            {
                context.Dispose();
                reason = "no GPU: ILGPU found no CUDA device";
                return null;
            }

            reason = string.Empty;
            return new CrossoverSweepGpu(context, device.CreateAccelerator(context), approximateRandomSlippage, DefaultBatch);
        }
        catch (Exception failure) when (failure is InvalidOperationException or NotSupportedException or DllNotFoundException or TypeInitializationException or AcceleratorException)
        {
            // A machine without the CUDA driver fails here rather than finding zero devices.
            context?.Dispose();
            reason = $"no GPU: {failure.Message}";
            return null;
        }
    }

    /// <summary>The kernel on ILGPU's CPU accelerator, for testing the kernel with small inputs only: never a production path.</summary>
    internal static CrossoverSweepGpu CreateOnCpuEmulator(int batch = 4, bool approximateRandomSlippage = false)
    {
        var context = Context.Create(builder => builder.CPU());
        return new CrossoverSweepGpu(context, context.CreateCPUAccelerator(0), approximateRandomSlippage, batch);
    }

    public IReadOnlyList<SweepEvaluation> Evaluate(
        SweepRequest request,
        IReadOnlyList<ParameterCombination> combinations,
        IProgress<SweepProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(combinations);
        if (!CrossoverPlan.TryCreate(request, combinations, _approximateRandomSlippage, cancellationToken, out var plan, out _))
        {
            return EngineSweep.Instance.Evaluate(request, combinations, progress, cancellationToken);
        }

        var accumulators = Run(plan!, progress, cancellationToken);
        return CrossoverSweepCpu.Finish(request, combinations, plan!, accumulators, SweepEvaluator.Gpu, cancellationToken);
    }

    /// <summary>The kernel's raw results for a plan (the tests compare them with the CPU path's).</summary>
    internal CrossoverAccumulators[] Run(CrossoverPlan plan, IProgress<SweepProgress>? progress, CancellationToken cancellationToken)
    {
        var market = plan.Market;
        var total = plan.Combinations.Length;
        lock (_gate)
        {
            using var bids = _accelerator.Allocate1D(market.Bids);
            using var asks = _accelerator.Allocate1D(market.Asks);
            using var days = _accelerator.Allocate1D(market.Days);
            using var flags = _accelerator.Allocate1D(market.Flags);
            using var times = _accelerator.Allocate1D(market.PointTimes);
            using var indicators = _accelerator.Allocate1D(plan.Indicators.Values);
            using var combinations = _accelerator.Allocate1D(plan.Combinations);
            using var results = _accelerator.Allocate1D<CrossoverAccumulators>(total);
            var bars = new DeviceCrossoverBars
            {
                Bids = bids.View, Asks = asks.View, Days = days.View, BarFlags = flags.View, Times = times.View,
                Indicators = indicators.View, Bars = market.Count,
            };
            for (var offset = 0; offset < total; offset += _batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(_batch, total - offset);
                _kernel(count, bars, plan.Constants, combinations.View, results.View, offset);
                _accelerator.Synchronize();
                progress?.Report(new SweepProgress(offset + count, total));
            }

            return results.GetAsArray1D();
        }
    }

    public void Dispose()
    {
        _accelerator.Dispose();
        _context.Dispose();
    }
}
