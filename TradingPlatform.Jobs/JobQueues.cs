namespace TradingPlatform.Jobs;

/// <summary>
/// The Hangfire queues. Hangfire accepts only lower-case letters, digits and underscores in a queue name. A job's queue
/// is fixed by the <c>[Queue]</c> attribute on its contract's method, so an enqueuer never names one; a server names the
/// queues it serves (<see cref="HangfireStorageExtensions.AddJobServer"/>), and a job waits until a server of its queue runs.
/// </summary>
public static class JobQueues
{
    /// <summary>Single backtests (<see cref="Backtests.IBacktestJob"/>); served by the Worker.</summary>
    public const string Backtests = "backtests";

    /// <summary>Parameter sweeps and walk-forward runs; served by the Worker.</summary>
    public const string Optimizations = "optimizations";

    /// <summary>Analyses of a user's configuration (<see cref="Analysis.IConfigAnalysisJob"/>); served by the Worker.</summary>
    public const string Analysis = "analysis";

    /// <summary>Housekeeping (retention, recomputation); served by the Worker.</summary>
    public const string Maintenance = "maintenance";

    /// <summary>Hangfire's own default queue, for jobs without a <c>[Queue]</c> attribute; served by the Worker.</summary>
    public const string Default = "default";

    /// <summary>
    /// Model training. Served later by the AiService, where the GPU is, never by the Worker: until the AiService serves
    /// it, a training job stays enqueued.
    /// </summary>
    public const string Training = "training";

    /// <summary>
    /// The queues the Worker serves. Hangfire.PostgreSql fetches the oldest waiting job of any of them (ties by queue name),
    /// so the order is no priority: a queue that must not wait behind another needs a server of its own.
    /// </summary>
    public static IReadOnlyList<string> Worker { get; } = [Backtests, Optimizations, Analysis, Maintenance, Default];
}
