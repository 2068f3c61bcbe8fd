using Microsoft.EntityFrameworkCore;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Data;

namespace TradingPlatform.Worker.Backtests;

/// <summary>
/// The engine reports progress synchronously on its own thread; this keeps the latest report and, on a timer, stores
/// it in the row and sends <see cref="BacktestProgressedIntegrationEvent"/> through the outbox (so the engine never
/// waits on the database). The same tick reads the row back: once it is no longer running (cancelled or deleted
/// through the Api), <see cref="Token"/> is cancelled and the engine stops at its next check, within a second.
/// Hangfire's own token (the job deleted, the server stopping) cancels it too.
/// </summary>
internal sealed class BacktestProgressScope : IProgress<BacktestProgress>, IAsyncDisposable
{
    private readonly BacktestRun _run;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _cancellation;
    private readonly Task _loop;
    private Box? _latest;
    private BacktestProgress? _sent;

    public BacktestProgressScope(BacktestRun run, IServiceScopeFactory scopes, TimeProvider time, ILogger logger, TimeSpan interval, CancellationToken jobToken)
    {
        _run = run;
        _scopes = scopes;
        _time = time;
        _logger = logger;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(jobToken);
        _loop = LoopAsync(interval);
    }

    public CancellationToken Token => _cancellation.Token;

    /// <summary>The row stopped being "running" while the engine ran: a user's cancel or delete, not a failure.</summary>
    public bool CancelledByUser { get; private set; }

    public void Report(BacktestProgress value) => Volatile.Write(ref _latest, new Box(value));

    /// <summary>Stops the loop once the engine has finished (its result is then stored by the job).</summary>
    public async Task StopAsync()
    {
        await _cancellation.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _cancellation.Dispose();
    }

    private async Task LoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_cancellation.Token))
            {
                await TickAsync(_cancellation.Token);
            }
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            var latest = Volatile.Read(ref _latest)?.Value;
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
            if (latest is { } progress && progress != _sent)
            {
                var fraction = Math.Round(progress.Fraction, 4);
                var updated = await db.Backtests.Where(b => b.Id == _run.Id && b.Status == BacktestStatus.Running)
                    .ExecuteUpdateAsync(set => set.SetProperty(b => b.Progress, fraction), cancellationToken);
                if (updated > 0)
                {
                    scope.ServiceProvider.GetRequiredService<IOutbox>().Add(new BacktestProgressedIntegrationEvent(
                        _run.Id.Value, _run.OwnerId, fraction, progress.BarsDone, progress.TotalBars, progress.At) { OccurredAt = _time.GetUtcNow() });
                    await db.SaveChangesAsync(cancellationToken);
                    _sent = progress;
                    return;
                }
            }

            if (!await db.Backtests.AnyAsync(b => b.Id == _run.Id && b.Status == BacktestStatus.Running, cancellationToken))
            {
                CancelledByUser = true;
                await _cancellation.CancelAsync();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Progress is a courtesy: a failed write is retried on the next tick and never fails the run.
            _logger.LogWarning(exception, "Could not store the progress of backtest {BacktestId}", _run.Id);
        }
    }

    /// <summary>A reference around the struct, so the engine's thread and the loop exchange it atomically.</summary>
    private sealed record Box(BacktestProgress Value);
}
