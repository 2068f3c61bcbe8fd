namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>
/// What one combination's run leaves behind: everything <see cref="BacktestMetricsOnline"/> needs to compute the
/// same <see cref="Backtesting.BacktestMetrics"/> as the engine, accumulated online so that no equity curve or trade
/// list is stored. Money and counts are exact integers (cents; ticks × lots for notional and slippage); the return
/// moments are doubles of the exact per-period returns. Blittable: the GPU kernel writes one per thread.
/// </summary>
internal struct CrossoverAccumulators
{
    public int Status;

    public long FinalCents;
    public long EquitySumCents;

    public int ReturnCount;
    public double ReturnSum;
    public double ReturnSquares;
    public double DownsideSquares;
    public double FirstReturn;
    public int ReturnsAllEqual;

    public long PeakCents;
    public int PeakPoint;
    public int UnderWater;
    public double DeepestDrawdown;
    public long LongestDrawdownTicks;

    public int Trades;
    public int Wins;
    public int Losses;
    public long GrossWinCents;
    public long GrossLossCents;
    public long LargestWinCents;
    public long LargestLossCents;

    public long FeesCents;
    public long SlippageTickLots;
    public long NotionalTickLots;
    public int BarsInMarket;

    public int StopLosses;
    public int TakeProfits;
    public int Liquidations;
    public int Refusals;
}
