using System.Diagnostics.CodeAnalysis;

namespace TradingPlatform.Hosting.Orchestration;

/// <summary>Start, stop and restart commands: they signal the run loop and wait for it, and never start a process themselves.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "See _commands.")]
internal sealed partial class ProcessResourceController
{
    /// <summary>How long a command waits for the run loop (a stop escalates to SIGKILL well within it).</summary>
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    // Commands run one at a time. No wait handle is ever asked of it, so it holds nothing that needs disposing.
    [SuppressMessage("Reliability", "CA2213:Disposable fields should be disposed", Justification = "No AvailableWaitHandle is used.")]
    private readonly SemaphoreSlim _commands = new(1, 1);
    private ControllerPhase _phase = ControllerPhase.NotStarted;
    private CancellationTokenSource? _session;
    private TaskCompletionSource _startRequested = NewSignal();
    private TaskCompletionSource _phaseChanged = NewSignal();

    /// <summary>The commands that apply now: stop and restart while it runs (or starts, waits, backs off), start and restart once stopped.</summary>
    public IReadOnlyList<string> AvailableCommands
    {
        get
        {
            lock (_gate)
            {
                return _phase switch
                {
                    ControllerPhase.Active => [ResourceCommands.Stop, ResourceCommands.Restart],
                    ControllerPhase.Stopped => [ResourceCommands.Start, ResourceCommands.Restart],
                    _ => [],
                };
            }
        }
    }

    /// <summary>Stops the process gracefully (Stopping, then Exited) and keeps it stopped; returns once it has exited.</summary>
    public Task<ResourceCommandResult> StopAsync(CancellationToken cancellationToken) =>
        OneAtATimeAsync(() => StopCoreAsync(cancellationToken), cancellationToken);

    /// <summary>Starts a stopped resource again; returns once its run loop has begun (it then waits, starts, probes).</summary>
    public Task<ResourceCommandResult> StartAsync(CancellationToken cancellationToken) =>
        OneAtATimeAsync(() => StartCoreAsync(cancellationToken), cancellationToken);

    /// <summary>Stop then start; a stopped resource is just started.</summary>
    public Task<ResourceCommandResult> RestartAsync(CancellationToken cancellationToken) =>
        OneAtATimeAsync(async () =>
        {
            if (CurrentPhase == ControllerPhase.Active)
            {
                var stopped = await StopCoreAsync(cancellationToken);
                if (!stopped.Success)
                {
                    return stopped;
                }
            }

            var started = await StartCoreAsync(cancellationToken);
            return started.Success ? ResourceCommandResult.Ok($"{Resource.Name} restarted; it is starting") : started;
        }, cancellationToken);

    /// <summary>Commands on one resource run one at a time: a stop racing a start would leave the state undefined.</summary>
    private async Task<ResourceCommandResult> OneAtATimeAsync(Func<Task<ResourceCommandResult>> command, CancellationToken cancellationToken)
    {
        await _commands.WaitAsync(cancellationToken);
        try
        {
            return await command();
        }
        finally
        {
            _commands.Release();
        }
    }

    private ControllerPhase CurrentPhase
    {
        get
        {
            lock (_gate)
            {
                return _phase;
            }
        }
    }

    private async Task<ResourceCommandResult> StopCoreAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_phase != ControllerPhase.Active || _session is null)
            {
                return InvalidPhase(ResourceCommands.Stop);
            }

            Context.Log($"{Resource.Name}: stop requested");
            // Sets the flag now and runs the token's callbacks on the thread pool, never inside this lock.
            _ = _session.CancelAsync();
        }

        var phase = await WaitForPhaseAsync(p => p is ControllerPhase.Stopped or ControllerPhase.Finished, cancellationToken);
        return phase switch
        {
            ControllerPhase.Stopped => ResourceCommandResult.Ok($"{Resource.Name} stopped"),
            null => ResourceCommandResult.InvalidState($"{Resource.Name} did not stop within {CommandTimeout.TotalSeconds:0} s"),
            _ => ResourceCommandResult.InvalidState($"{Resource.Name} has ended (the AppHost is stopping or it failed)"),
        };
    }

    private async Task<ResourceCommandResult> StartCoreAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_phase != ControllerPhase.Stopped)
            {
                return InvalidPhase(ResourceCommands.Start);
            }

            Context.Log($"{Resource.Name}: start requested");
            _startRequested.TrySetResult();
        }

        var phase = await WaitForPhaseAsync(p => p is ControllerPhase.Active or ControllerPhase.Finished, cancellationToken);
        return phase switch
        {
            ControllerPhase.Active => ResourceCommandResult.Ok($"{Resource.Name} is starting"),
            null => ResourceCommandResult.InvalidState($"{Resource.Name} did not start within {CommandTimeout.TotalSeconds:0} s"),
            _ => ResourceCommandResult.InvalidState($"{Resource.Name} has ended (the AppHost is stopping)"),
        };
    }

    private ResourceCommandResult InvalidPhase(string command) => ResourceCommandResult.InvalidState(_phase switch
    {
        ControllerPhase.NotStarted => $"{Resource.Name} has not been started yet; cannot {command} it",
        ControllerPhase.Stopped => $"{Resource.Name} is already stopped; start it instead",
        ControllerPhase.Active => $"{Resource.Name} is not stopped (it is {Context.Notifications.Get(Resource.Name)?.State}); stop it first",
        _ => $"{Resource.Name} has ended (the AppHost is stopping or it failed); cannot {command} it",
    });

    private void SetPhase(ControllerPhase phase, CancellationTokenSource? session)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _phase = phase;
            if (phase == ControllerPhase.Active)
            {
                _session = session;
                _startRequested = NewSignal();
            }

            changed = _phaseChanged;
            _phaseChanged = NewSignal();
        }

        changed.TrySetResult();
    }

    /// <summary>Waits for the run loop to reach a phase; null when it does not within <see cref="CommandTimeout"/>.</summary>
    private async Task<ControllerPhase?> WaitForPhaseAsync(Func<ControllerPhase, bool> predicate, CancellationToken cancellationToken)
    {
        var waiting = Context.TimeProvider.GetTimestamp();
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (predicate(_phase))
                {
                    return _phase;
                }

                changed = _phaseChanged.Task;
            }

            var left = CommandTimeout - Context.TimeProvider.GetElapsedTime(waiting);
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            try
            {
                await changed.WaitAsync(left, Context.TimeProvider, cancellationToken);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
