namespace TradingPlatform.Messaging.Consumers;

/// <summary>
/// Something consumers wait for before they take messages, such as the service's schema migration: a handler must never
/// run against tables that do not exist yet.
/// </summary>
public interface IConsumerStartGate
{
    Task WaitAsync(CancellationToken cancellationToken);
}
