namespace TradingPlatform.Trading.Backtesting;

/// <summary>How far a run is: bars processed out of the total, and the simulated time reached.</summary>
public readonly record struct BacktestProgress(long BarsDone, long TotalBars, DateTimeOffset At)
{
    public double Fraction => TotalBars == 0 ? 1 : (double)BarsDone / TotalBars;
}
