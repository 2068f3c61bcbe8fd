using System.Diagnostics;

namespace TradingPlatform.Worker.Tests.Support;

/// <summary>The signals of one marker's <see cref="ProbeJob"/> runs.</summary>
public sealed class ProbeSignals
{
    private readonly TaskCompletionSource _ran = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<long> _cancelledAt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a <see cref="IProbeJob.RunAsync"/> of this marker has run.</summary>
    public Task Ran => _ran.Task;

    /// <summary>Completes when a <see cref="IProbeJob.WaitForCancellationAsync"/> of this marker has started waiting.</summary>
    public Task Started => _started.Task;

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the waiting job saw its token cancelled.</summary>
    public Task<long> CancelledAt => _cancelledAt.Task;

    internal void MarkRan() => _ran.TrySetResult();

    internal void MarkStarted() => _started.TrySetResult();

    internal void MarkCancelled() => _cancelledAt.TrySetResult(Stopwatch.GetTimestamp());
}
