using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradingPlatform.AiService.Training;

internal sealed class TrainingRunConfiguration : IEntityTypeConfiguration<TrainingRun>
{
    public void Configure(EntityTypeBuilder<TrainingRun> builder)
    {
        builder.ToTable("training_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Symbol).HasMaxLength(32);
        builder.Property(r => r.Interval).HasMaxLength(4);
        builder.Property(r => r.Request).HasColumnType("jsonb");
        builder.Property(r => r.Epochs).HasColumnType("jsonb");
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.JobId).HasMaxLength(64);
        builder.HasIndex(r => new { r.OwnerId, r.CreatedAt });
    }
}
