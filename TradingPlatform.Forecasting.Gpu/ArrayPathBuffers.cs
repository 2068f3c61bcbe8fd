namespace TradingPlatform.Forecasting.Gpu;

/// <summary>The CPU reference's buffers: a <see cref="MonteCarloSimulation"/>'s arrays and the prepared inputs.</summary>
internal readonly struct ArrayPathBuffers(MonteCarloSimulation simulation, PathInputs inputs) : IPathBuffers
{
    private readonly double[] _prices = simulation.Prices;
    private readonly int[] _stopLossSteps = simulation.StopLossSteps;
    private readonly int[] _takeProfitSteps = simulation.TakeProfitSteps;
    private readonly double[] _growth = inputs.Growth;
    private readonly double[] _base = inputs.Base;
    private readonly int _paths = simulation.Paths;

    public double Growth(int index) => _growth[index];

    public double Base(int step) => _base[step];

    public void SetPrice(int step, int path, double price) => _prices[((long)step * _paths) + path] = price;

    public void SetTouches(int path, int stopLossStep, int takeProfitStep)
    {
        _stopLossSteps[path] = stopLossStep;
        _takeProfitSteps[path] = takeProfitStep;
    }
}
