namespace TradingPlatform.Trading.Backtesting;

/// <summary>A backtest job's life: queued → running → completed | failed | cancelled (a cancel may also come while queued).</summary>
public enum BacktestStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}
