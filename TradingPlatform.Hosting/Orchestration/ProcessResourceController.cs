using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingPlatform.Hosting.Health;
using TradingPlatform.Hosting.Processes;
using TradingPlatform.Hosting.Servers;

namespace TradingPlatform.Hosting.Orchestration;

/// <summary>
/// Runs a resource's process: waits for its dependencies, starts it, declares it running once its probe is healthy,
/// watches it, restarts it with back-off when it crashes, and stops it gracefully. Stop, start and restart commands act
/// on the same run loop: a stop ends the current session (the process is stopped as at shutdown) and the loop then waits,
/// with no process, for a start command or the AppHost's stop; processes are only ever started by the loop itself, so a
/// command racing with the AppHost's stop cannot leave one behind.
/// </summary>
internal sealed partial class ProcessResourceController(ProcessLauncher launcher, OrchestrationContext context)
    : ResourceController(launcher.Resource, context)
{
    private static readonly TimeSpan ServerReadyTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);
    private const int MaxPortRetries = 2;

    private bool _everReady;
    private int _portRetries;

    public override string ResourceType => launcher.ResourceType;

    public override bool StopsFirst => !launcher.FailFastOnFirstStart;

    public override ResourceSnapshot CreateInitialSnapshot() => base.CreateInitialSnapshot() with { Source = launcher.Source };

    public override async Task<string?> ValidateAsync(CancellationToken cancellationToken)
    {
        var problem = await launcher.ValidateAsync(cancellationToken);
        Publish(s => s with { Source = launcher.Source, Urls = launcher.Urls });
        return problem;
    }

    public override async Task RunAsync(CancellationToken stoppingToken)
    {
        var failed = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // A session lasts from a start (the first one, or a start command) to a stop command or the AppHost's stop.
                var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                SetPhase(ControllerPhase.Active, session);
                try
                {
                    failed = await RunSessionAsync(session.Token);
                }
                finally
                {
                    lock (_gate)
                    {
                        _session = null;
                    }

                    session.Dispose();
                }

                if (failed || stoppingToken.IsCancellationRequested)
                {
                    break;
                }

                if (!await StayStoppedAsync(stoppingToken))
                {
                    break;
                }
            }
        }
        finally
        {
            SetPhase(ControllerPhase.Finished, null);
        }

        if (!failed && Context.Notifications.Get(Resource.Name) is not { State: ResourceState.Exited, WillRestart: false })
        {
            Publish(s => s with { State = ResourceState.Exited, WillRestart = false, ProcessId = null });
        }
    }

    /// <summary>After a stop command: no process and no restart until a start command (true) or the AppHost's stop (false).</summary>
    private async Task<bool> StayStoppedAsync(CancellationToken stoppingToken)
    {
        Publish(s => s with { State = ResourceState.Exited, WillRestart = false, ProcessId = null });
        Context.Log($"{Resource.Name} stopped; it stays stopped until it is started again");
        Task startRequested;
        lock (_gate)
        {
            startRequested = _startRequested.Task;
        }

        SetPhase(ControllerPhase.Stopped, null);
        try
        {
            await startRequested.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        if (stoppingToken.IsCancellationRequested)
        {
            return false;
        }

        Publish(s => s with { Restarts = s.Restarts + 1 });
        Context.Log($"{Resource.Name} is starting again (command)");
        return true;
    }

    /// <summary>Runs the resource until the session's token fires; true when it failed for good (the AppHost stops).</summary>
    private async Task<bool> RunSessionAsync(CancellationToken sessionToken)
    {
        if (!await WaitForDependenciesAsync(sessionToken))
        {
            return false;
        }

        var failures = 0;
        while (!sessionToken.IsCancellationRequested)
        {
            Publish(s => s with { State = ResourceState.Starting, Health = null, HealthReason = null, WillRestart = false, ExitCode = null });
            var started = Context.TimeProvider.GetTimestamp();
            ManagedProcess process;
            try
            {
                await launcher.PrepareAsync(sessionToken);
                var spec = await launcher.CreateSpecAsync(sessionToken);
                process = ManagedProcess.Start(spec, Resource.Name, Context.Logger);
                Publish(s => s with { Environment = spec.Environment });
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception ex) when (ex is DistributedApplicationException or IOException or UnauthorizedAccessException
                                           or System.ComponentModel.Win32Exception)
            {
                Fail(ex is DistributedApplicationException ? ex.Message : $"{Resource.Name}: cannot start: {ex.Message}");
                await launcher.OnExitedAsync();
                return true;
            }

            using (process)
            {
                Publish(s => s with { ProcessId = process.ProcessId, StartedAt = Context.TimeProvider.GetUtcNow() });
                await using var probe = launcher.CreateProbe();
                var ready = await WaitUntilReadyAsync(process, probe, sessionToken);
                if (sessionToken.IsCancellationRequested)
                {
                    await StopProcessAsync(process);
                    return false;
                }

                if (ready)
                {
                    _everReady = true;
                    Publish(s => s with { State = ResourceState.Running, Urls = launcher.Urls });
                    Context.Log(string.Create(CultureInfo.InvariantCulture,
                        $"{Resource.Name} is running and healthy ({Context.TimeProvider.GetElapsedTime(started).TotalSeconds:0.0} s){FormatUrls()}"));
                    await MonitorAsync(process, probe, sessionToken);
                    if (sessionToken.IsCancellationRequested)
                    {
                        await StopProcessAsync(process);
                        return false;
                    }

                    if (Context.TimeProvider.GetElapsedTime(started) > StableAfter)
                    {
                        failures = 0;
                    }
                }
                else if (launcher.FailFastOnFirstStart && !_everReady)
                {
                    await StopProcessAsync(process, publish: false);
                    if (_portRetries < MaxPortRetries && launcher.TryReallocatePorts())
                    {
                        // A free port chosen at start can be taken by a parallel test run before the server binds it.
                        _portRetries++;
                        Context.Log($"{Resource.Name} did not start; retrying on other ports");
                        continue;
                    }

                    Fail(DescribeStartFailure(process));
                    return true;
                }

                if (!process.Exited.IsCompleted)
                {
                    // Not ready in time (a project that hangs): stop it and treat it as a crash.
                    await process.StopAsync(launcher.StopSignal, launcher.StopTimeout);
                }

                await launcher.OnExitedAsync();
                var exitCode = process.Exited.IsCompletedSuccessfully ? process.Exited.Result : (int?)null;
                var delay = Backoff(failures++);
                Publish(s => s with { State = ResourceState.Exited, ExitCode = exitCode, WillRestart = true, Restarts = s.Restarts + 1, ProcessId = null });
                Context.Log(string.Create(CultureInfo.InvariantCulture,
                    $"{Resource.Name} exited unexpectedly (exit code {exitCode}); restarting in {delay.TotalSeconds:0} s"));
                await PauseAsync(delay, sessionToken);
            }
        }

        return false;
    }

    private static TimeSpan Backoff(int failures) => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures)));

    private async Task<bool> WaitUntilReadyAsync(ManagedProcess process, IHealthProbe probe, CancellationToken stoppingToken)
    {
        var started = Context.TimeProvider.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested && !process.Exited.IsCompleted)
        {
            HealthCheckResult result;
            try
            {
                result = await ProbeAsync(probe, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            if (result.Status == HealthStatus.Healthy)
            {
                return true;
            }

            if (launcher.FailFastOnFirstStart && Context.TimeProvider.GetElapsedTime(started) > ServerReadyTimeout)
            {
                return false;
            }

            await Task.WhenAny(process.Exited, Task.Delay(StartupProbeInterval, Context.TimeProvider, stoppingToken));
        }

        return false;
    }

    private async Task MonitorAsync(ManagedProcess process, IHealthProbe probe, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = Task.Delay(SteadyProbeInterval, Context.TimeProvider, stoppingToken);
            await Task.WhenAny(process.Exited, delay);
            if (process.Exited.IsCompleted || stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await ProbeAsync(probe, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task StopProcessAsync(ManagedProcess process, bool publish = true)
    {
        if (publish)
        {
            Publish(s => s with { State = ResourceState.Stopping });
        }

        await process.StopAsync(launcher.StopSignal, launcher.StopTimeout);
        await launcher.OnExitedAsync();
        if (publish)
        {
            var exitCode = process.Exited.IsCompletedSuccessfully ? process.Exited.Result : (int?)null;
            Publish(s => s with { State = ResourceState.Exited, ExitCode = exitCode, WillRestart = false, ProcessId = null });
        }
    }

    private void Fail(string message)
    {
        Publish(s => s with { State = ResourceState.FailedToStart, HealthReason = message, WillRestart = false, ProcessId = null });
        Context.ReportFatal(message);
    }

    private string DescribeStartFailure(ManagedProcess process)
    {
        var cause = process.Exited.IsCompletedSuccessfully
            ? $"exited with code {process.Exited.Result} before it was ready"
            : $"did not become ready within {ServerReadyTimeout.TotalSeconds:0} s";
        var lastLines = Context.Logger.GetLines(Resource.Name).TakeLast(3).Select(l => l.Trim());
        return $"{Resource.Name}: {launcher.ResourceType} server {cause}; its last output: {string.Join(" | ", lastLines)}";
    }

    private string FormatUrls() => launcher.Urls.Count == 0 ? "" : " at " + string.Join(", ", launcher.Urls);
}
