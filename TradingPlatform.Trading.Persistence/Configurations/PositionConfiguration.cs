using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Persistence.Configurations;

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.ToTable("positions");
        builder.HasKey(position => position.Id);
        builder.Property(position => position.Symbol).HasMaxLength(32);
        builder.HasOne<TradingAccount>().WithMany().HasForeignKey(position => position.AccountId).OnDelete(DeleteBehavior.Restrict);
        // Netting: one open position per account and symbol, enforced by the database too.
        builder.HasIndex(position => new { position.AccountId, position.Symbol }).IsUnique().HasFilter("\"ClosedAt\" IS NULL");
        builder.HasIndex(position => new { position.Symbol }).HasFilter("\"ClosedAt\" IS NULL").HasDatabaseName("IX_positions_Symbol_open");
        builder.HasIndex(position => new { position.AccountId, position.ClosedAt });
        builder.Ignore(position => position.IsOpen);
        builder.Ignore(position => position.Direction);
        builder.Ignore(position => position.Leverage);
    }
}
