using Microsoft.EntityFrameworkCore;

namespace TradingPlatform.ServiceDefaults.Data;

/// <summary>Whether <typeparamref name="TContext"/>'s schema is up to date; readiness and the schema's endpoints read it.</summary>
public sealed class SchemaStatus<TContext>
    where TContext : DbContext
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SchemaStatus(string displayName) => DisplayName = displayName;

    /// <summary>What the schema holds, for messages ("identity store", "trading store").</summary>
    public string DisplayName { get; }

    public bool IsCompleted => _completed.Task.IsCompleted;

    /// <summary>The last failure while the database was unreachable, for the health report.</summary>
    public string? LastError { get; private set; }

    /// <summary>Completes once migrations (and seeding) are done; tests await it instead of polling.</summary>
    public Task Completion => _completed.Task;

    internal void MarkFailed(string error) => LastError = error;

    internal void MarkCompleted()
    {
        LastError = null;
        _completed.TrySetResult();
    }
}
