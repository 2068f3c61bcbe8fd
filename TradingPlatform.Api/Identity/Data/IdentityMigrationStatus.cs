namespace TradingPlatform.Api.Identity.Data;

/// <summary>Whether the identity schema is up to date; the readiness check and the identity endpoints read it.</summary>
public sealed class IdentityMigrationStatus
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsCompleted => _completed.Task.IsCompleted;

    /// <summary>The last failure while the database was unreachable, for the health report.</summary>
    public string? LastError { get; private set; }

    /// <summary>Completes once migrations (and Development seeding) are done; tests await it instead of polling.</summary>
    public Task Completion => _completed.Task;

    internal void MarkFailed(string error) => LastError = error;

    internal void MarkCompleted()
    {
        LastError = null;
        _completed.TrySetResult();
    }
}
