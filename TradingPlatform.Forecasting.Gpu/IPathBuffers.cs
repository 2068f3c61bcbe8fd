namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// Where <see cref="MonteCarloPaths"/> reads the bootstrap's inputs and writes a path: arrays on the CPU
/// (<see cref="ArrayPathBuffers"/>), device memory in the kernel (<see cref="DevicePathBuffers"/>). A struct type
/// parameter, so that one simulation body serves both without virtual calls.
/// </summary>
internal interface IPathBuffers
{
    /// <summary>1 + rᵢ for residual <paramref name="index"/>.</summary>
    double Growth(int index);

    /// <summary>Fₕ for step index <paramref name="step"/> (0 for step 1).</summary>
    double Base(int step);

    /// <summary>Stores Sₕ of <paramref name="path"/> for step index <paramref name="step"/>, step-major (step × paths + path).</summary>
    void SetPrice(int step, int path, double price);

    /// <summary>Stores the first steps (1 … H, or 0 for never) at which the path touched the stop-loss and the take-profit.</summary>
    void SetTouches(int path, int stopLossStep, int takeProfitStep);
}
