using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TradingPlatform.Worker.Analytics;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the Worker (it never connects).</summary>
internal sealed class AnalyticsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<AnalyticsDbContext>
{
    public AnalyticsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AnalyticsDbContext>()
            .UseNpgsql("Host=localhost;Database=tradingdb", AnalyticsDbContext.ConfigureNpgsql)
            .Options);
}
