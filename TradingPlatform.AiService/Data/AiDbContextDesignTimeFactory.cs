using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TradingPlatform.AiService.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the AiService (it never connects).</summary>
internal sealed class AiDbContextDesignTimeFactory : IDesignTimeDbContextFactory<AiDbContext>
{
    public AiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AiDbContext>().UseNpgsql("Host=localhost;Database=tradingdb", AiDbContext.ConfigureNpgsql).Options);
}
