using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Worker.Backtests;

namespace TradingPlatform.Worker.Tests.Support;

/// <summary>
/// Holds one backtest's engine at its progress reports until the job's token is cancelled (a cancel through the row, the
/// server stopping) or the test releases it, so a test acts while the run is provably mid-way, however fast the engine.
/// </summary>
internal sealed class HoldingPacer(Guid backtestId) : IBacktestPacer, IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private readonly ManualResetEventSlim _released = new();

    /// <summary>Completes at the run's first progress report, when the engine is held.</summary>
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _released.Set();

    public void OnProgress(Guid id, BacktestProgress progress, CancellationToken jobToken)
    {
        if (id != backtestId)
        {
            return;
        }

        Reached.TrySetResult();
        WaitHandle.WaitAny([jobToken.WaitHandle, _released.WaitHandle], Limit);
    }

    public void Dispose() => _released.Dispose();
}
