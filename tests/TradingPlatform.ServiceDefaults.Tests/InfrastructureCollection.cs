using TradingPlatform.Testing;

namespace TradingPlatform.ServiceDefaults.Tests;

/// <summary>One set of real servers for all of this project's tests; xunit needs the definition in this assembly.</summary>
[CollectionDefinition(InfrastructureFixture.CollectionName)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>;
