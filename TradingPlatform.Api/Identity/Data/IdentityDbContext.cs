using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using TradingPlatform.Api.Identity.ApiKeys;
using TradingPlatform.Api.Identity.Audit;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Identity.Data;

/// <summary>
/// Users, refresh tokens, API keys, the security audit log and the Data Protection key ring, in schema <c>identity</c> of
/// <c>tradingdb</c>. Its own schema and migrations history keep it independent of <c>TradingDbContext</c>'s migrations.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Schema = "identity";

    public DbSet<User> Users => Set<User>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Npgsql settings shared by the app and the design-time factory.</summary>
    public static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable("__EFMigrationsHistory", Schema);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(
            typeof(IdentityDbContext).Assembly,
            type => type.Namespace == typeof(IdentityDbContext).Namespace);
    }
}
