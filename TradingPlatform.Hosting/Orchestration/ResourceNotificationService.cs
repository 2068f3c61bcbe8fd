using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace TradingPlatform.Hosting.Orchestration;

/// <summary>
/// The latest snapshot of every resource, and ways to wait on them (Aspire's <c>ResourceNotificationService</c>).
/// </summary>
public sealed class ResourceNotificationService
{
    private readonly ConcurrentDictionary<string, ResourceSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<Channel<ResourceSnapshot>> _watchers = [];
    private TaskCompletionSource _changed = NewSignal();

    public IReadOnlyCollection<ResourceSnapshot> Snapshots => _snapshots.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    public ResourceSnapshot? Get(string name) => _snapshots.GetValueOrDefault(name);

    internal void Initialize(ResourceSnapshot snapshot)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _snapshots[snapshot.Name] = snapshot;
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    internal ResourceSnapshot Publish(string name, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        TaskCompletionSource changed;
        ResourceSnapshot next;
        Channel<ResourceSnapshot>[] watchers;
        lock (_gate)
        {
            next = update(_snapshots[name]);
            _snapshots[name] = next;
            changed = _changed;
            _changed = NewSignal();
            watchers = [.. _watchers];
        }

        foreach (var watcher in watchers)
        {
            watcher.Writer.TryWrite(next);
        }

        changed.TrySetResult();
        return next;
    }

    /// <summary>
    /// Waits until the resource's snapshot satisfies <paramref name="predicate"/>. A resource the orchestrator has not
    /// announced yet is waited for too (as Aspire does), so callers may start waiting before the application starts.
    /// </summary>
    public async Task<ResourceSnapshot> WaitForResourceAsync(
        string name, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_snapshots.GetValueOrDefault(name) is { } current && predicate(current))
                {
                    return current;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits until the resource is running and healthy; throws if it failed for good.</summary>
    public async Task<ResourceSnapshot> WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default)
    {
        var snapshot = await WaitForResourceAsync(name, s => s.IsHealthy || s.IsTerminal, cancellationToken);
        if (snapshot.IsHealthy)
        {
            return snapshot;
        }

        // A resource that failed to start carries its one-line reason (resource, cause, fix); pass it on as it is.
        throw new DistributedApplicationException(snapshot.State == ResourceState.FailedToStart && snapshot.HealthReason is { } reason
            ? reason
            : $"{name} will not become healthy: it is {snapshot.State}{(snapshot.HealthReason is { } r ? $" ({r})" : "")}");
    }

    /// <summary>Every change to any resource from now on, until cancelled.</summary>
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<ResourceSnapshot>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _watchers.Add(channel);
        }

        try
        {
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
