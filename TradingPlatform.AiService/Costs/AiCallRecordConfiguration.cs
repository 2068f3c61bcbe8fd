using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradingPlatform.AiService.Costs;

internal sealed class AiCallRecordConfiguration : IEntityTypeConfiguration<AiCallRecord>
{
    public void Configure(EntityTypeBuilder<AiCallRecord> builder)
    {
        builder.ToTable("ai_call_records");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.UserId).HasMaxLength(64);
        builder.Property(r => r.Feature).HasMaxLength(40);
        builder.Property(r => r.Model).HasMaxLength(120);
        builder.Property(r => r.ModelVersion).HasMaxLength(40);
        builder.Property(r => r.ExecutionProvider).HasMaxLength(64);
        builder.Property(r => r.CostUsd).HasPrecision(20, 10);
        builder.HasIndex(r => r.RecordedAt);
        // The budget check: a feature's spend since the start of the UTC day.
        builder.HasIndex(r => new { r.Feature, r.RecordedAt });
    }
}
