using TradingPlatform.Testing;

namespace TradingPlatform.Hosting.LocalServers.Tests;

[CollectionDefinition(InfrastructureFixture.CollectionName)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>;
