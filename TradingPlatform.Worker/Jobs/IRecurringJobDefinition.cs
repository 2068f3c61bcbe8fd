using Hangfire;

namespace TradingPlatform.Worker.Jobs;

/// <summary>One recurring job of the Worker: a stable id and how to add or update it.</summary>
public interface IRecurringJobDefinition
{
    /// <summary>Stable across releases (the storage keys its schedule and last run by it); starts with <see cref="RecurringJobs.IdPrefix"/>.</summary>
    string Id { get; }

    void AddOrUpdate(IRecurringJobManager manager);
}
