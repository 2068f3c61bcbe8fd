using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Worker.Backtests;

/// <summary>
/// Told of every progress report of a running backtest, on the engine's thread, before it is stored. None is registered
/// in the Worker; tests register one to hold the engine at a known point (a fast engine finishes a test-sized run before
/// a cancel or a shutdown could land otherwise), instead of relying on how long a run takes.
/// </summary>
internal interface IBacktestPacer
{
    void OnProgress(Guid backtestId, BacktestProgress progress, CancellationToken jobToken);
}
