using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Trading.Persistence.Configurations;

internal sealed class BacktestTradeRecordConfiguration : IEntityTypeConfiguration<BacktestTradeRecord>
{
    public void Configure(EntityTypeBuilder<BacktestTradeRecord> builder)
    {
        builder.ToTable("backtest_trades");
        // The key is also the trade list's order: one range scan per page.
        builder.HasKey(t => new { t.BacktestId, t.Number });
        builder.Property(t => t.Symbol).HasMaxLength(32);
        builder.HasOne<BacktestRun>().WithMany().HasForeignKey(t => t.BacktestId).OnDelete(DeleteBehavior.Cascade);
    }
}
