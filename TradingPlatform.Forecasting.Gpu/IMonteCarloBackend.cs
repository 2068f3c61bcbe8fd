namespace TradingPlatform.Forecasting.Gpu;

/// <summary>A way to simulate the paths of a request; the engine summarises what it returns the same way for every backend.</summary>
internal interface IMonteCarloBackend : IDisposable
{
    MonteCarloBackend Kind { get; }

    string DeviceName { get; }

    MonteCarloSimulation Simulate(MonteCarloRequest request, CancellationToken cancellationToken);
}
