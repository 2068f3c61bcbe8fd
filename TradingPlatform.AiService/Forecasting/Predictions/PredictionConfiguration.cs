using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradingPlatform.AiService.Forecasting.Predictions;

internal sealed class PredictionConfiguration : IEntityTypeConfiguration<Prediction>
{
    public void Configure(EntityTypeBuilder<Prediction> builder)
    {
        builder.ToTable("predictions");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasConversion(id => id.Value, value => new PredictionId(value));
        builder.Property(p => p.UserId).HasMaxLength(64);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Symbol).HasMaxLength(32);
        builder.Property(p => p.Interval).HasMaxLength(4);
        builder.Property(p => p.ModelName).HasMaxLength(80);
        builder.Property(p => p.Points).HasColumnType("jsonb");
        builder.Property(p => p.Direction).HasMaxLength(8);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Realised).HasColumnType("jsonb");
        builder.Property(p => p.MissingSteps).HasColumnType("jsonb");
        // The caller's list, newest first (keyset on issued-at and id).
        builder.HasIndex(p => new { p.UserId, p.IssuedAt, p.Id });
        // The scorer's queue: the pending predictions by when they are due.
        builder.HasIndex(p => new { p.DueAt, p.Id }).HasFilter("\"Status\" = 'Pending'").HasDatabaseName("IX_predictions_pending");
        // The running scores per model and symbol.
        builder.HasIndex(p => new { p.ModelName, p.Symbol, p.Status });
    }
}
