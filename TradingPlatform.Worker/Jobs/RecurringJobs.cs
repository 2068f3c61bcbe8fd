using Hangfire;
using Hangfire.Storage;
using TradingPlatform.Worker.Analysis;
using TradingPlatform.Worker.Maintenance;

namespace TradingPlatform.Worker.Jobs;

/// <summary>
/// Every recurring job the Worker schedules, in one place. At start-up each Worker replica registers them all
/// (<see cref="Register"/>): adding or updating is idempotent, and Hangfire's scheduler fires each recurring job once per
/// occurrence across all replicas (it takes a distributed lock in the storage and moves the job's next execution time
/// in the same transaction), so running several replicas never runs a schedule twice.
/// </summary>
public static class RecurringJobs
{
    /// <summary>
    /// The Worker's recurring job ids start with this. Only such ids are removed when no longer declared: other services
    /// (the AiService's training schedules, later) keep their own recurring jobs in the same storage.
    /// </summary>
    public const string IdPrefix = "worker:";

    /// <summary>
    /// The recurring jobs that exist now. Removing a line removes the job from the storage at the next start.
    /// </summary>
    public static IReadOnlyList<IRecurringJobDefinition> Declared { get; } =
    [
        new RecurringJobDefinition<IStuckRunsJob>("worker:maintenance:stuck-runs", Cron.Minutely(), job => job.RunAsync(CancellationToken.None)),
        new RecurringJobDefinition<IExpiryAndFundingJob>("worker:maintenance:expiry-and-funding", Cron.Minutely(), job => job.RunAsync(CancellationToken.None)),
        new RecurringJobDefinition<IEquitySnapshotJob>("worker:maintenance:equity-snapshots", Cron.Hourly(), job => job.RunAsync(CancellationToken.None)),
        new RecurringJobDefinition<IOutboxBacklogJob>("worker:maintenance:outbox-backlog", Cron.Minutely(), job => job.RunAsync(CancellationToken.None)),
        new RecurringJobDefinition<ICandleGapsJob>("worker:maintenance:candle-gaps", Cron.Hourly(5), job => job.RunAsync(CancellationToken.None)),
        new RecurringJobDefinition<IDailyConfigAnalysisJob>("worker:analysis:daily-config-analysis", Cron.Daily(2, 30), job => job.RunAsync(CancellationToken.None)),
    ];

    /// <summary>
    /// Adds or updates every declared job and removes the recurring jobs with <paramref name="idPrefix"/> that are no
    /// longer declared. Returns the ids it removed.
    /// </summary>
    public static IReadOnlyList<string> Register(
        IRecurringJobManager manager, JobStorage storage, IEnumerable<IRecurringJobDefinition>? declared = null, string idPrefix = IdPrefix)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrEmpty(idPrefix);
        var definitions = (declared ?? Declared).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (!definition.Id.StartsWith(idPrefix, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The recurring job id '{definition.Id}' must start with '{idPrefix}'.", nameof(declared));
            }

            if (!ids.Add(definition.Id))
            {
                throw new ArgumentException($"The recurring job id '{definition.Id}' is declared twice.", nameof(declared));
            }
        }

        foreach (var definition in definitions)
        {
            definition.AddOrUpdate(manager);
        }

        List<string> stale;
        using (var connection = storage.GetConnection())
        {
            stale = connection.GetRecurringJobs()
                .Select(job => job.Id)
                .Where(id => id.StartsWith(idPrefix, StringComparison.Ordinal) && !ids.Contains(id))
                .ToList();
        }

        foreach (var id in stale)
        {
            manager.RemoveIfExists(id);
        }

        return stale;
    }
}
