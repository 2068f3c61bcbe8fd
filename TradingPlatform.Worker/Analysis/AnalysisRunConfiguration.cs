using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradingPlatform.Worker.Analysis;

/// <summary>analytics.config_analysis_runs; the Api reads it with plain SQL (ConfigSuggestionsStore), by these names.</summary>
internal sealed class AnalysisRunConfiguration : IEntityTypeConfiguration<AnalysisRun>
{
    public const string TableName = "config_analysis_runs";

    public void Configure(EntityTypeBuilder<AnalysisRun> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Trigger).HasMaxLength(16);
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.Source).HasMaxLength(16);
        builder.Property(r => r.Model).HasMaxLength(200);
        builder.Property(r => r.Figures).HasColumnType("jsonb");
        builder.Property(r => r.Error).HasMaxLength(AnalysisRun.MaxErrorLength);
        // The user's history, newest first.
        builder.HasIndex(r => new { r.UserId, r.StartedAt });
    }
}
