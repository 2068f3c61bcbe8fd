using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Portfolio;

namespace TradingPlatform.Trading.Persistence.Configurations;

internal sealed class EquitySnapshotConfiguration : IEntityTypeConfiguration<EquitySnapshot>
{
    public void Configure(EntityTypeBuilder<EquitySnapshot> builder)
    {
        builder.ToTable("equity_snapshots");
        builder.HasKey(snapshot => snapshot.Id);
        builder.Property(snapshot => snapshot.Id).UseIdentityAlwaysColumn();
        builder.HasOne<TradingAccount>().WithMany().HasForeignKey(snapshot => snapshot.AccountId).OnDelete(DeleteBehavior.Cascade);
        // The portfolio's "equity at or before" lookups read the equity from the index alone.
        builder.HasIndex(snapshot => new { snapshot.AccountId, snapshot.At }).IncludeProperties(snapshot => snapshot.Equity);
    }
}
