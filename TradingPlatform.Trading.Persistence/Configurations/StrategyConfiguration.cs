using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Trading.Persistence.Configurations;

internal sealed class StrategyConfiguration : IEntityTypeConfiguration<Strategy>
{
    public void Configure(EntityTypeBuilder<Strategy> builder)
    {
        builder.ToTable("strategies");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(Strategy.MaxNameLength);
        builder.Property(s => s.Description).HasMaxLength(Strategy.MaxDescriptionLength);
        builder.Property(s => s.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Algorithm).HasMaxLength(32);
        builder.Property(s => s.Interval).HasMaxLength(4).HasConversion(i => i.Code, s => CandleInterval.Parse(s)).HasDefaultValue(CandleInterval.OneHour);
        // The live runner's query: the active automated strategies.
        builder.HasIndex(s => new { s.Status, s.Type }).HasFilter("\"DeletedAt\" IS NULL");
        builder.Property(s => s.Symbols).HasColumnType("text[]");
        builder.Property(s => s.Parameters).HasColumnType("jsonb");
        builder.ComplexProperty(s => s.RiskManagement);
        // The owner's list, newest first, without the deleted ones.
        builder.HasIndex(s => new { s.OwnerId, s.CreatedAt }).HasFilter("\"DeletedAt\" IS NULL");
        builder.HasQueryFilter(s => s.DeletedAt == null);
    }
}
