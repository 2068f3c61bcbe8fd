using System.Collections.Concurrent;

namespace TradingPlatform.Api.Market.History;

/// <summary>
/// Which instruments' history is in place. The live feed starts an instrument only once its history exists (so the
/// feed continues from the last generated price); tests await <see cref="Completion"/>.
/// </summary>
public sealed class MarketHistoryStatus
{
    private readonly ConcurrentDictionary<string, bool> _ready = new(StringComparer.OrdinalIgnoreCase);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsCompleted => _completed.Task.IsCompleted;

    /// <summary>Completes when every instrument has history (or generation is disabled).</summary>
    public Task Completion => _completed.Task;

    /// <summary>Symbols whose history this replica generated (the others had some already).</summary>
    public IReadOnlyCollection<string> Generated => [.. _ready.Where(r => r.Value).Select(r => r.Key)];

    public bool IsReady(string symbol) => IsCompleted || _ready.ContainsKey(symbol);

    internal void MarkReady(string symbol, bool generated) => _ready[symbol] = generated;

    internal void MarkCompleted() => _completed.TrySetResult();
}
