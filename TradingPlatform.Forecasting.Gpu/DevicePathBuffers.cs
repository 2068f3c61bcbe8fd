using ILGPU;

namespace TradingPlatform.Forecasting.Gpu;

/// <summary>The kernel's buffers in device memory, laid out as <see cref="ArrayPathBuffers"/> lays out its arrays.</summary>
internal struct DevicePathBuffers : IPathBuffers
{
    public ArrayView<double> Prices;
    public ArrayView<int> StopLossSteps;
    public ArrayView<int> TakeProfitSteps;
    public ArrayView<double> GrowthFactors;
    public ArrayView<double> BasePath;
    public int Paths;

    public readonly double Growth(int index) => GrowthFactors[index];

    public readonly double Base(int step) => BasePath[step];

    /// <summary>Step-major: neighbouring threads (paths) write neighbouring addresses.</summary>
    public readonly void SetPrice(int step, int path, double price) => Prices[((long)step * Paths) + path] = price;

    public readonly void SetTouches(int path, int stopLossStep, int takeProfitStep)
    {
        StopLossSteps[path] = stopLossStep;
        TakeProfitSteps[path] = takeProfitStep;
    }
}
