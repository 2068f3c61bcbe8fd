using Hangfire.States;

namespace TradingPlatform.Api.Analysis;

/// <summary>A job's Hangfire state as the API spells it.</summary>
public static class ConfigAnalysisJobStatus
{
    /// <summary>Waiting for a Worker (also while a failed attempt waits for its retry).</summary>
    public const string Queued = "queued";

    public const string Running = "running";

    public const string Succeeded = "succeeded";

    /// <summary>Every attempt failed.</summary>
    public const string Failed = "failed";

    /// <summary>Deleted (from the dashboard) before it finished.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The status of a job in Hangfire state <paramref name="state"/> (<c>EnqueuedState.StateName</c> and the like).</summary>
    public static string From(string? state)
    {
        if (state is null || state == EnqueuedState.StateName || state == ScheduledState.StateName || state == AwaitingState.StateName)
        {
            return Queued;
        }

        if (state == ProcessingState.StateName)
        {
            return Running;
        }

        if (state == SucceededState.StateName)
        {
            return Succeeded;
        }

        if (state == FailedState.StateName)
        {
            return Failed;
        }

        return state == DeletedState.StateName ? Cancelled : state.ToLowerInvariant();
    }

    /// <summary>Whether a job in this status may still run: a new trigger joins it instead of enqueuing another.</summary>
    public static bool IsPending(string status) => status is Queued or Running;
}
