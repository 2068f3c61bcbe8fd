using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradingPlatform.AiService.Forecasting;

internal sealed class ForecastModelConfiguration : IEntityTypeConfiguration<ForecastModel>
{
    public void Configure(EntityTypeBuilder<ForecastModel> builder)
    {
        builder.ToTable("forecast_models");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Name).HasMaxLength(80);
        builder.Property(m => m.Symbol).HasMaxLength(32);
        builder.Property(m => m.Interval).HasMaxLength(4);
        builder.Property(m => m.StackType).HasMaxLength(16);
        builder.Property(m => m.HyperParameters).HasColumnType("jsonb");
        builder.Property(m => m.Metrics).HasColumnType("jsonb");
        builder.Property(m => m.IntervalHalfWidths).HasColumnType("jsonb");
        builder.Property(m => m.FileHash).HasMaxLength(64);
        builder.HasIndex(m => new { m.Name, m.Version }).IsUnique();
        // One serving model per symbol and interval: activating another is a swap in one transaction.
        builder.HasIndex(m => new { m.Symbol, m.Interval }).IsUnique().HasFilter("\"IsActive\"").HasDatabaseName("IX_forecast_models_active");
    }
}
