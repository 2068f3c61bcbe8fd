using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Optimization;

namespace TradingPlatform.Trading.Persistence.Configurations;

internal sealed class OptimizationRunConfiguration : IEntityTypeConfiguration<OptimizationRun>
{
    public void Configure(EntityTypeBuilder<OptimizationRun> builder)
    {
        builder.ToTable("optimizations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Algorithm).HasMaxLength(32);
        builder.Property(o => o.Objective).HasMaxLength(32);
        builder.Property(o => o.FixedParameters).HasColumnType("jsonb");
        builder.Property(o => o.Grid).HasColumnType("jsonb");
        builder.Property(o => o.WalkForward).HasColumnType("jsonb");
        builder.ComplexProperty(o => o.RiskManagement);
        builder.Property(o => o.Symbols).HasColumnType("text[]");
        builder.Property(o => o.Interval).HasMaxLength(4).HasConversion(i => i.Code, s => CandleInterval.Parse(s));
        builder.Property(o => o.JobId).HasMaxLength(64);
        builder.Property(o => o.Error).HasMaxLength(2000);
        builder.Property(o => o.Backend).HasMaxLength(64);
        builder.Property(o => o.Results).HasColumnType("jsonb");
        builder.Property(o => o.WalkForwardResult).HasColumnType("jsonb");
        builder.Ignore(o => o.IsFinished);
        builder.HasIndex(o => new { o.OwnerId, o.CreatedAt });
    }
}
