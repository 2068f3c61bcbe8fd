using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Persistence.Configurations;

internal sealed class FillConfiguration : IEntityTypeConfiguration<Fill>
{
    public void Configure(EntityTypeBuilder<Fill> builder)
    {
        builder.ToTable("fills");
        builder.HasKey(fill => fill.Id);
        builder.Property(fill => fill.Symbol).HasMaxLength(32);
        builder.HasOne<TradingAccount>().WithMany().HasForeignKey(fill => fill.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(fill => fill.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Position>().WithMany().HasForeignKey(fill => fill.PositionId).OnDelete(DeleteBehavior.Restrict);
        // Executions list: by account, newest first, the id as tie-break.
        builder.HasIndex(fill => new { fill.AccountId, fill.ExecutedAt, fill.Id });
        builder.HasIndex(fill => fill.OrderId);
        builder.HasIndex(fill => fill.PositionId);
        builder.HasIndex(fill => fill.StrategyId).HasFilter("\"StrategyId\" IS NOT NULL");
    }
}
