namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// A request's scalars as the kernel receives them (a blittable struct: no enums, no nullables), computed once on the
/// host so that both backends start from the same doubles, (μ − σ²/2) included.
/// </summary>
internal struct PathConstants
{
    /// <summary>1 for the residual bootstrap, 0 for geometric Brownian motion.</summary>
    public int Bootstrap;
    public int Paths;
    public int Steps;
    public double LastPrice;

    /// <summary>μ − σ²/2, the mean log-return per step.</summary>
    public double LogDrift;
    public double Volatility;
    public uint Key0;
    public uint Key1;
    public int ResidualCount;
    public int HasStopLoss;
    public double StopLoss;
    public int HasTakeProfit;
    public double TakeProfit;
}
