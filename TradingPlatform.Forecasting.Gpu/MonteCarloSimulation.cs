namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// A backend's raw output: every price, step-major (the values of one step are contiguous, so the summary sorts each
/// step in place), and per path the first step at which it touched the stop-loss and the take-profit (0 for never).
/// </summary>
internal sealed class MonteCarloSimulation
{
    public MonteCarloSimulation(int paths, int steps)
    {
        Paths = paths;
        Steps = steps;
        Prices = new double[(long)paths * steps];
        StopLossSteps = new int[paths];
        TakeProfitSteps = new int[paths];
    }

    public int Paths { get; }

    public int Steps { get; }

    public double[] Prices { get; }

    public int[] StopLossSteps { get; }

    public int[] TakeProfitSteps { get; }

    /// <summary>Sₕ of <paramref name="path"/> at <paramref name="step"/> (1 … H).</summary>
    public double Price(int path, int step) => Prices[((long)(step - 1) * Paths) + path];
}
