using TradingPlatform.Testing;

namespace TradingPlatform.Worker.Tests;

/// <summary>The shared health tests, for the Worker with the servers it depends on.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class HealthTests(InfrastructureFixture infrastructure)
    : ServiceHealthTests<Program>(infrastructure, "tradingdb", "cache", "messaging");
