using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradingPlatform.Trading.Accounts;

namespace TradingPlatform.Trading.Persistence.Configurations;

internal sealed class TradingAccountConfiguration : IEntityTypeConfiguration<TradingAccount>
{
    public void Configure(EntityTypeBuilder<TradingAccount> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(account => account.Id);
        builder.Property(account => account.Name).HasMaxLength(100);
        builder.Property(account => account.Balance);
        builder.Property(account => account.RealizedPnl);
        builder.HasIndex(account => account.OwnerId);
        // At most one default account per user (the one seed 001's /api/trading endpoints act on).
        builder.HasIndex(account => account.OwnerId, "IX_accounts_OwnerId_default").IsUnique().HasFilter("\"IsDefault\" AND \"DeletedAt\" IS NULL");
    }
}
