using System.Collections.Concurrent;
using TradingPlatform.Messaging;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>What a test consumer's handlers were called with, in the order they were called.</summary>
public sealed class ReceivedEvents
{
    private readonly ConcurrentQueue<IntegrationEvent> _events = new();

    public IReadOnlyList<IntegrationEvent> All => [.. _events];

    public void Add(IntegrationEvent integrationEvent) => _events.Enqueue(integrationEvent);
}
