using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingPlatform.Hosting.Health;
using TradingPlatform.Hosting.Processes;
using TradingPlatform.Hosting.Servers;

namespace TradingPlatform.Hosting.Orchestration;

/// <summary>
/// Runs a resource's process: waits for its dependencies, starts it, declares it running once its probe is healthy,
/// watches it, restarts it with back-off when it crashes, and stops it gracefully.
/// </summary>
internal sealed class ProcessResourceController(ProcessLauncher launcher, OrchestrationContext context)
    : ResourceController(launcher.Resource, context)
{
    private static readonly TimeSpan ServerReadyTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);
    private const int MaxPortRetries = 2;

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
        if (!await WaitForDependenciesAsync(stoppingToken))
        {
            return;
        }

        var everReady = false;
        var failures = 0;
        var portRetries = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Publish(s => s with { State = ResourceState.Starting, Health = null, HealthReason = null, WillRestart = false, ExitCode = null });
            var started = Context.TimeProvider.GetTimestamp();
            ManagedProcess process;
            try
            {
                await launcher.PrepareAsync(stoppingToken);
                var spec = await launcher.CreateSpecAsync(stoppingToken);
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
                return;
            }

            using (process)
            {
                Publish(s => s with { ProcessId = process.ProcessId, StartedAt = Context.TimeProvider.GetUtcNow() });
                await using var probe = launcher.CreateProbe();
                var ready = await WaitUntilReadyAsync(process, probe, stoppingToken);
                if (stoppingToken.IsCancellationRequested)
                {
                    await StopProcessAsync(process);
                    return;
                }

                if (ready)
                {
                    everReady = true;
                    Publish(s => s with { State = ResourceState.Running, Urls = launcher.Urls });
                    Context.Log(string.Create(CultureInfo.InvariantCulture,
                        $"{Resource.Name} is running and healthy ({Context.TimeProvider.GetElapsedTime(started).TotalSeconds:0.0} s){FormatUrls()}"));
                    await MonitorAsync(process, probe, stoppingToken);
                    if (stoppingToken.IsCancellationRequested)
                    {
                        await StopProcessAsync(process);
                        return;
                    }

                    if (Context.TimeProvider.GetElapsedTime(started) > StableAfter)
                    {
                        failures = 0;
                    }
                }
                else if (launcher.FailFastOnFirstStart && !everReady)
                {
                    await StopProcessAsync(process, publish: false);
                    if (portRetries < MaxPortRetries && launcher.TryReallocatePorts())
                    {
                        // A free port chosen at start can be taken by a parallel test run before the server binds it.
                        portRetries++;
                        Context.Log($"{Resource.Name} did not start; retrying on other ports");
                        continue;
                    }

                    Fail(DescribeStartFailure(process));
                    return;
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
                await PauseAsync(delay, stoppingToken);
            }
        }

        Publish(s => s with { State = ResourceState.Exited, WillRestart = false });
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
