using TradingPlatform.Messaging;

namespace TradingPlatform.Worker.Analytics;

/// <summary>Completes once the analytics migrations are applied; the consumer waits for it before taking messages.</summary>
internal sealed class AnalyticsSchema : IMessagingStartGate
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    public void MarkReady() => _ready.TrySetResult();

    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);
}
