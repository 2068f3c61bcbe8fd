using System.Collections.Concurrent;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>How many times the poison handler was called per signal.</summary>
public sealed class PoisonAttempts
{
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();

    public int Of(Guid signalId) => _attempts.GetValueOrDefault(signalId);

    public void Increment(Guid signalId) => _attempts.AddOrUpdate(signalId, 1, (_, count) => count + 1);
}
