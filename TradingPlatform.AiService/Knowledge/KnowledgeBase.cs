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
        // The previous snapshot is not disposed: a search may still be reading it, and disposing would close its Lucene
        // reader under it. Its in-memory directory goes with the garbage collector once no search holds it.
        Volatile.Write(ref _current, index);
        LastError = null;
        _ready.TrySetResult();
    }

    internal void MarkFailed(string error) => LastError = error;

    public void Dispose()
    {
        // The empty snapshot is one shared instance (every host in a process starts with it): never dispose it.
        if (!ReferenceEquals(Current, KnowledgeIndex.Empty))
        {
            Current.Dispose();
        }
    }
}
