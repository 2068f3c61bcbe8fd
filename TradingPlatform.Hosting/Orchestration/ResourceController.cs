using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Health;

namespace TradingPlatform.Hosting.Orchestration;

/// <summary>Drives one resource through its lifecycle and publishes what happens to it.</summary>
internal abstract class ResourceController(Resource resource, OrchestrationContext context)
{
    protected static readonly TimeSpan SteadyProbeInterval = TimeSpan.FromSeconds(5);
    protected static readonly TimeSpan StartupProbeInterval = TimeSpan.FromMilliseconds(250);

    public Resource Resource { get; } = resource;

    public abstract string ResourceType { get; }

    /// <summary>Projects stop before the servers they depend on.</summary>
    public virtual bool StopsFirst => false;

    protected OrchestrationContext Context { get; } = context;

    /// <summary>Why start, stop and restart do not apply to this resource (answered by the command service).</summary>
    public virtual string CommandsNotSupportedReason => $"{Resource.Name} does not support start, stop or restart";

    public virtual ResourceSnapshot CreateInitialSnapshot() => new() { Name = Resource.Name, ResourceType = ResourceType };

    /// <summary>Checks what can be checked before anything starts; returns a one-line problem or null.</summary>
    public virtual Task<string?> ValidateAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>Runs the resource until <paramref name="stoppingToken"/> fires, then stops it.</summary>
    public abstract Task RunAsync(CancellationToken stoppingToken);

    protected ResourceSnapshot Publish(Func<ResourceSnapshot, ResourceSnapshot> update) =>
        Context.Notifications.Publish(Resource.Name, update);

    /// <summary>Waits for every WaitFor dependency to be healthy; false when stopped first.</summary>
    protected async Task<bool> WaitForDependenciesAsync(CancellationToken stoppingToken)
    {
        foreach (var dependency in Resource.WaitsFor)
        {
            var current = Context.Notifications.Get(dependency.Name);
            if (current is { IsHealthy: true })
            {
                continue;
            }

            Publish(s => s with { State = ResourceState.Waiting, HealthReason = $"waiting for {dependency.Name}" });
            try
            {
                await Context.Notifications.WaitForResourceAsync(dependency.Name, s => s.IsHealthy, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs one probe and publishes a change of health, logging transitions (not every repeat).</summary>
    protected async Task<HealthCheckResult> ProbeAsync(IHealthProbe probe, CancellationToken cancellationToken)
    {
        var result = await probe.CheckAsync(cancellationToken);
        var previous = Context.Notifications.Get(Resource.Name);
        var reason = result.Status == HealthStatus.Healthy ? null : result.Description;
        if (previous?.Health != result.Status || previous.HealthReason != reason)
        {
            Publish(s => s with { Health = result.Status, HealthReason = reason });
            if (previous?.Health == HealthStatus.Healthy && result.Status != HealthStatus.Healthy)
            {
                Context.Log($"{Resource.Name} is unhealthy: {reason}");
            }
            else if (previous?.Health is HealthStatus.Unhealthy && result.Status == HealthStatus.Healthy && previous.State == ResourceState.Running)
            {
                Context.Log($"{Resource.Name} is healthy again");
            }
        }

        return result;
    }

    /// <summary>A delay that ends early, without throwing, when the token fires.</summary>
    protected async Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, Context.TimeProvider, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
