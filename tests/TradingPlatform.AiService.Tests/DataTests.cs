using TradingPlatform.AiService.Data;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests;

/// <summary>The shared data test, for the AiService's AiDbContext.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class DataTests(InfrastructureFixture infrastructure) : ServiceDataTests<Program, AiDbContext>(infrastructure);
