namespace TradingPlatform.Messaging.Outbox;

/// <summary>
/// Adds integration events to the caller's DbContext: they are inserted by the caller's SaveChanges and commit (or
/// roll back) with the caller's transaction, and the relay publishes them after the commit.
/// </summary>
public interface IOutbox
{
    void Add(IntegrationEvent integrationEvent);
}
