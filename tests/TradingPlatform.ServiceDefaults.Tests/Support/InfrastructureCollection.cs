using TradingPlatform.Testing;

namespace TradingPlatform.Tests.Support;

/// <summary>The tests that share one set of real PostgreSQL, Redis and RabbitMQ servers.</summary>
[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "Infrastructure";
}
