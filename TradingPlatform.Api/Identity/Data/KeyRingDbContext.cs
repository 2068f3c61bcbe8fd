using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace TradingPlatform.Api.Identity.Data;

/// <summary>
/// The Data Protection key ring's own view of <c>identity.data_protection_keys</c>, without EF's retrying execution
/// strategy. The key ring is read while the app starts (ASP.NET Core's data-protection hosted service), and through
/// <see cref="IdentityDbContext"/>'s retries (Aspire's six, up to 30 s apart) a database that was down held the start,
/// and with it <c>/alive</c> and every answer, for a minute; this context fails at once, the failure is logged, and
/// the ring is read again when it is first needed. The table and its migrations stay <see cref="IdentityDbContext"/>'s.
/// </summary>
public sealed class KeyRingDbContext(DbContextOptions<KeyRingDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(IdentityDbContext.Schema);
        modelBuilder.ApplyConfiguration(new DataProtectionKeyConfiguration());
    }
}
