using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AiService.Data;
using TradingPlatform.Testing;
using TradingPlatform.Tests.Support;

namespace TradingPlatform.AiService.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class DataTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_db_context_queries_tradingdb_on_postgresql_with_retries()
    {
        await using var factory = new ServiceFactory<Program>(infrastructure.Configuration);
        await using var scope = factory.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AiDbContext>();

        var database = await context.Database.SqlQuery<string>($"SELECT current_database() AS \"Value\"").SingleAsync();

        Assert.Equal("tradingdb", database);
        Assert.True(context.Database.IsNpgsql());
        Assert.True(context.Database.CreateExecutionStrategy().RetriesOnFailure);
    }
}
