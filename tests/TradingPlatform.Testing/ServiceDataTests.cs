using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace TradingPlatform.Testing;

/// <summary>
/// The data-access test that every service with a database owes: its registered db context reaches the fixture's
/// <c>tradingdb</c>. Each service's test project derives one class (with its [Collection] and the fixture); xunit
/// runs the test once per derived class.
/// </summary>
public abstract class ServiceDataTests<TProgram, TDbContext>(InfrastructureFixture infrastructure)
    where TProgram : class
    where TDbContext : DbContext
{
    [Fact]
    public async Task The_db_context_queries_tradingdb_on_postgresql_with_retries()
    {
        await using var factory = new ServiceFactory<TProgram>(infrastructure.Configuration);
        await using var scope = factory.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TDbContext>();

        var database = await context.Database.SqlQuery<string>($"SELECT current_database() AS \"Value\"").SingleAsync();

        Assert.Equal("tradingdb", database);
        Assert.True(context.Database.IsNpgsql());
        Assert.True(context.Database.CreateExecutionStrategy().RetriesOnFailure);
    }
}
