namespace TradingPlatform.AiService.Knowledge;

/// <summary>
/// The current snapshot of the knowledge base and whether the first index has been loaded: searches wait for it,
/// readiness reports it, the indexer swaps in a new snapshot when the stored sources change.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private KnowledgeIndex _current = KnowledgeIndex.Empty;

    public KnowledgeIndex Current => Volatile.Read(ref _current);

    /// <summary>Completes when the first index is loaded.</summary>
    public Task Ready => _ready.Task;

    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>The last indexing failure, for the health report; null after a pass that succeeded.</summary>
    public string? LastError { get; private set; }

    internal void Publish(KnowledgeIndex index)
    {
        var previous = Interlocked.Exchange(ref _current, index);
        LastError = null;
        _ready.TrySetResult();
        // A search still reading the previous snapshot keeps working on its own Lucene reader until it is collected;
        // disposing it here could close a reader under a running search, so the old snapshot is left to the GC.
        _ = previous;
    }

    internal void MarkFailed(string error) => LastError = error;

    public void Dispose() => Current.Dispose();
}
