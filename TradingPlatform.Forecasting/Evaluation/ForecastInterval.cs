namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>A prediction interval for one step, bounds included.</summary>
public readonly record struct ForecastInterval(double Lower, double Upper)
{
    public double Width => Upper - Lower;

    public bool Contains(double value) => value >= Lower && value <= Upper;
}
