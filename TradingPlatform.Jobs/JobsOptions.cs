using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Jobs;

/// <summary>The <c>Jobs</c> section: how Hangfire's storage and servers behave. Every service that uses the storage reads it.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// How long a fetched job stays invisible to other servers without a sign of life. Invisibility slides (each running
    /// job's fetch time is renewed every fifth of this), so a long backtest is never fetched twice while its Worker lives,
    /// and a job of a killed Worker is fetched again by another within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often an idle server asks the storage for a job. A job enqueued in the same process wakes its servers at
    /// once; one enqueued by another service (the Api) starts within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Jobs a server runs at once. Backtests are CPU-bound, so the default is one per core (at least two).</summary>
    [Range(1, 100)]
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);
}
