using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;

namespace TradingPlatform.AppHost.ResourceApi;

/// <summary>
/// The latest snapshot of every resource from Aspire's <see cref="ResourceNotificationService"/> (which publishes
/// changes, not a list to query), and how many times each has started again after its first start.
/// </summary>
internal sealed class ResourceStateCache(ResourceNotificationService notifications) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public IReadOnlyList<(IResource Resource, CustomResourceSnapshot Snapshot, int Restarts)> All =>
        [.. _entries.Values.OrderBy(e => e.Resource.Name, StringComparer.Ordinal).Select(e => (e.Resource, e.Snapshot, e.Restarts))];

    public bool TryGet(string name, out (IResource Resource, CustomResourceSnapshot Snapshot, int Restarts) state)
    {
        if (_entries.TryGetValue(name, out var entry))
        {
            state = (entry.Resource, entry.Snapshot, entry.Restarts);
            return true;
        }

        state = default;
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                // Parameters and Aspire's own hidden resources (the dashboard, rebuilders) are not components; an
                // external server (a configured connection string) is a parameter to Aspire, but a component to us.
                if (update.Resource is ParameterResource and not IResourceWithConnectionString || update.Snapshot.IsHidden)
                {
                    _entries.TryRemove(update.Resource.Name, out _);
                    continue;
                }

                _entries.AddOrUpdate(update.Resource.Name,
                    _ => new Entry(update.Resource, update.Snapshot, 0),
                    (_, previous) => previous with
                    {
                        Snapshot = update.Snapshot,
                        Restarts = previous.Restarts + (IsNewStart(previous.Snapshot, update.Snapshot) ? 1 : 0),
                    });
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A second or later start: the start time moved on from one that was already set.</summary>
    private static bool IsNewStart(CustomResourceSnapshot previous, CustomResourceSnapshot current) =>
        previous.StartTimeStamp is { } before && current.StartTimeStamp is { } now && now > before;

    private sealed record Entry(IResource Resource, CustomResourceSnapshot Snapshot, int Restarts);
}
