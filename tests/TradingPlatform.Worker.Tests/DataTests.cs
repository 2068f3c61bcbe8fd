using TradingPlatform.Trading.Persistence;
using TradingPlatform.Testing;

namespace TradingPlatform.Worker.Tests;

/// <summary>The shared data test, for the Worker's TradingDbContext.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class DataTests(InfrastructureFixture infrastructure) : ServiceDataTests<Program, TradingDbContext>(infrastructure);
