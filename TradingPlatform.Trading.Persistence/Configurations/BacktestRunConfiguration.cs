using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Persistence.Configurations;

internal sealed class BacktestRunConfiguration : IEntityTypeConfiguration<BacktestRun>
{
    public void Configure(EntityTypeBuilder<BacktestRun> builder)
    {
        builder.ToTable("backtests");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Algorithm).HasMaxLength(32);
        builder.Property(b => b.Parameters).HasColumnType("jsonb");
        builder.ComplexProperty(b => b.RiskManagement);
        builder.Property(b => b.Symbols).HasColumnType("text[]");
        builder.Property(b => b.Interval).HasMaxLength(4).HasConversion(i => i.Code, s => CandleInterval.Parse(s));
        builder.Property(b => b.JobId).HasMaxLength(64);
        builder.Property(b => b.Error).HasMaxLength(2000);
        builder.Property(b => b.Metrics).HasColumnType("jsonb");
        builder.Property(b => b.EquityCurve).HasColumnType("jsonb");
        builder.Property(b => b.Gaps).HasColumnType("jsonb");
        builder.Ignore(b => b.IsFinished);
        // The owner's list, newest first. A deleted backtest is removed with its trades (nothing refers to it).
        builder.HasIndex(b => new { b.OwnerId, b.CreatedAt });
    }
}
