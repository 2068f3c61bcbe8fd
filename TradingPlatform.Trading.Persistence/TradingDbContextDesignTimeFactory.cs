using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TradingPlatform.Trading.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting a service. Adding a migration never
/// connects, so the connection string is a placeholder.
/// </summary>
internal sealed class TradingDbContextDesignTimeFactory : IDesignTimeDbContextFactory<TradingDbContext>
{
    public TradingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TradingDbContext>()
            .UseNpgsql("Host=localhost;Database=tradingdb", TradingDbContext.ConfigureNpgsql)
            .Options);
}
