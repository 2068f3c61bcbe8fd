namespace TradingPlatform.Worker.Backtests;

/// <summary>
/// A long computation reports progress synchronously on its own thread; this keeps the latest report and, on a timer,
/// hands it to <c>store</c> (which writes it to the job's row, and may send an event), so the computation never waits
/// on the database. The same tick asks whether the row is still running: once it is not (cancelled or deleted through
/// the Api), <see cref="Token"/> is cancelled and the computation stops at its next check. Hangfire's own token (the
/// job deleted, the server stopping) cancels it too.
/// </summary>
internal sealed class JobProgressScope<TProgress> : IProgress<TProgress>, IAsyncDisposable
    where TProgress : struct
{
    private readonly IServiceScopeFactory _scopes;
    private readonly Func<IServiceProvider, TProgress, CancellationToken, Task<bool>> _store;
    private readonly Func<IServiceProvider, CancellationToken, Task<bool>> _isRunning;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _cancellation;
    private readonly Task _loop;
    private Box? _latest;
    private TProgress? _stored;

    public JobProgressScope(
        IServiceScopeFactory scopes,
        Func<IServiceProvider, TProgress, CancellationToken, Task<bool>> store,
        Func<IServiceProvider, CancellationToken, Task<bool>> isRunning,
        TimeProvider time,
        ILogger logger,
        TimeSpan interval,
        CancellationToken jobToken)
    {
        _scopes = scopes;
        _store = store;
        _isRunning = isRunning;
        _logger = logger;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(jobToken);
        _loop = LoopAsync(interval, time);
    }

    public CancellationToken Token => _cancellation.Token;

    /// <summary>The row stopped being "running" while the computation ran: a user's cancel or delete, not a failure.</summary>
    public bool CancelledByUser { get; private set; }

    public void Report(TProgress value) => Volatile.Write(ref _latest, new Box(value));

    /// <summary>Stops the loop once the computation has finished (its result is then stored by the job).</summary>
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

    private async Task LoopAsync(TimeSpan interval, TimeProvider time)
    {
        using var timer = new PeriodicTimer(interval, time);
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
            await using var scope = _scopes.CreateAsyncScope();
            var latest = Volatile.Read(ref _latest)?.Value;
            var running = latest is { } progress && !progress.Equals(_stored)
                ? await _store(scope.ServiceProvider, progress, cancellationToken)
                : await _isRunning(scope.ServiceProvider, cancellationToken);
            if (latest is { } stored && running)
            {
                _stored = stored;
            }

            if (!running)
            {
                CancelledByUser = true;
                await _cancellation.CancelAsync();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Progress is a courtesy: a failed write is retried on the next tick and never fails the run.
            _logger.LogWarning(exception, "Could not store a job's progress");
        }
    }

    /// <summary>A reference around the struct, so the computing thread and the loop exchange it atomically.</summary>
    private sealed record Box(TProgress Value);
}
