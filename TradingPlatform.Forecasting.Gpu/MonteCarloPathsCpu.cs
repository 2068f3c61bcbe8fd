namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// The reference implementation and the CPU backend: <see cref="MonteCarloPaths"/> for each path, Parallel.For over
/// blocks of paths on every core. Each path depends only on (seed, path index), so the output is the same for any
/// degree of parallelism.
/// </summary>
internal sealed class MonteCarloPathsCpu(int maxDegreeOfParallelism = -1) : IMonteCarloBackend
{
    /// <summary>Paths per Parallel.For iteration: enough work per iteration to make scheduling negligible.</summary>
    private const int BlockPaths = 256;

    public MonteCarloBackend Kind => MonteCarloBackend.Cpu;

    public string DeviceName { get; } = $"CPU (plain C#, {(maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount)} threads)";

    public MonteCarloSimulation Simulate(MonteCarloRequest request, CancellationToken cancellationToken)
    {
        var inputs = PathInputs.From(request);
        var simulation = new MonteCarloSimulation(request.Paths, request.Steps);
        var buffers = new ArrayPathBuffers(simulation, inputs);
        var constants = inputs.Constants;
        var blocks = (request.Paths + BlockPaths - 1) / BlockPaths;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, blocks, options, block =>
        {
            var end = Math.Min(request.Paths, (block + 1) * BlockPaths);
            for (var path = block * BlockPaths; path < end; path++)
            {
                MonteCarloPaths.Simulate<ArrayPathBuffers, ManagedFusedMultiplyAdd>(constants, buffers, path);
            }
        });
        return simulation;
    }

    public void Dispose()
    {
        // Nothing to release: the CPU backend holds no device.
    }
}
