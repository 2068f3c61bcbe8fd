namespace TradingPlatform.Messaging;

/// <summary>
/// Something the outbox relay and the consumers wait for before they touch their tables, such as the service's schema
/// migration: neither may run against tables that do not exist yet.
/// </summary>
public interface IMessagingStartGate
{
    Task WaitAsync(CancellationToken cancellationToken);
}
