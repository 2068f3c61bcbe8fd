using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TradingPlatform.Api.Identity.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the app (which needs every connection
/// string and the signing key). Adding a migration never connects, so the connection string is a placeholder.
/// </summary>
internal sealed class IdentityDbContextDesignTimeFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDbContext>()
            .UseNpgsql("Host=localhost;Database=tradingdb", IdentityDbContext.ConfigureNpgsql)
            .Options);
}
