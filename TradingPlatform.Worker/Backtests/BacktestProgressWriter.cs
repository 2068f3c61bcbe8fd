namespace TradingPlatform.Worker.Backtests;

/// <summary>Starts the progress loop of one run (<see cref="BacktestProgressScope"/>).</summary>
internal sealed class BacktestProgressWriter(IServiceScopeFactory scopes, TimeProvider time, ILogger<BacktestProgressScope> logger)
{
    /// <summary>How often progress is stored and sent, and how soon a cancel through the Api stops the engine.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(400);

    public BacktestProgressScope Start(TradingPlatform.Trading.Backtesting.BacktestRun run, CancellationToken jobToken) =>
        new(run, scopes, time, logger, Interval, jobToken);
}
