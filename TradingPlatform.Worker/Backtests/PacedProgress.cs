using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Worker.Backtests;

/// <summary>Hands each report to the progress loop, then to the pacers (<see cref="IBacktestPacer"/>), so a held engine's progress is still stored.</summary>
internal sealed class PacedProgress(IProgress<BacktestProgress> inner, Action<BacktestProgress> pace) : IProgress<BacktestProgress>
{
    public void Report(BacktestProgress value)
    {
        inner.Report(value);
        pace(value);
    }
}
