namespace TradingPlatform.Messaging;

/// <summary>A start gate that opens when a task completes (a service's schema migrations: <c>SchemaStatus&lt;T&gt;.Completion</c>).</summary>
public sealed class TaskStartGate(Task opened) : IMessagingStartGate
{
    public Task WaitAsync(CancellationToken cancellationToken) => opened.WaitAsync(cancellationToken);
}
