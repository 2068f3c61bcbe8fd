using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradingPlatform.Trading.Signals;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Trading.Persistence.Configurations;

internal sealed class SignalConfiguration : IEntityTypeConfiguration<Signal>
{
    public void Configure(EntityTypeBuilder<Signal> builder)
    {
        builder.ToTable("signals");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Symbol).HasMaxLength(32);
        builder.Property(s => s.Score).HasPrecision(9, 6);
        builder.Property(s => s.Side).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Pattern).HasMaxLength(Signal.MaxPatternLength);
        builder.Property(s => s.Meta).HasColumnType("jsonb");
        builder.ComplexProperty(s => s.Source, source =>
        {
            source.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
            source.Property(s => s.SourceId).HasMaxLength(SignalSource.MaxIdLength);
            source.Property(s => s.Name).HasMaxLength(SignalSource.MaxNameLength);
        });

        // A strategy is only ever soft-deleted, so the reference stays valid; SetNull covers a hard purge.
        builder.HasOne<Strategy>().WithMany().HasForeignKey(s => s.StrategyId).IsRequired(false).OnDelete(DeleteBehavior.SetNull);

        // The cursor walks (time desc, id desc), over everything or one symbol.
        builder.HasIndex(s => new { s.Time, s.Id }).IsDescending(true, true);
        builder.HasIndex(s => new { s.Symbol, s.Time, s.Id }).IsDescending(false, true, true);
        builder.HasIndex(s => s.StrategyId);
    }
}
