using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradingPlatform.Worker.Analysis;

/// <summary>analytics.config_suggestions; the Api reads and updates it with plain SQL (ConfigSuggestionsStore), by these names.</summary>
internal sealed class ConfigSuggestionConfiguration : IEntityTypeConfiguration<ConfigSuggestion>
{
    public const string TableName = "config_suggestions";

    public void Configure(EntityTypeBuilder<ConfigSuggestion> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Key).HasMaxLength(128);
        builder.Property(s => s.Setting).HasMaxLength(32);
        builder.Property(s => s.CurrentValue).HasMaxLength(64);
        builder.Property(s => s.ProposedValue).HasMaxLength(64);
        builder.Property(s => s.Reasoning).HasMaxLength(ConfigSuggestion.MaxTextLength);
        builder.Property(s => s.ExpectedEffect).HasColumnType("jsonb");
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.Property(s => s.Source).HasMaxLength(16);
        builder.HasOne<AnalysisRun>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        // A run stores each rule's suggestion for a target once, however often its job runs.
        builder.HasIndex(s => new { s.RunId, s.Key }).IsUnique();
        // The user's list by status, newest first.
        builder.HasIndex(s => new { s.UserId, s.Status, s.CreatedAt });
    }
}
