using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradingPlatform.Worker.Analysis;

internal sealed class ConfigAnalysisRequestConfiguration : IEntityTypeConfiguration<ConfigAnalysisRequest>
{
    public const string TableName = "config_analysis_requests";

    public void Configure(EntityTypeBuilder<ConfigAnalysisRequest> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(r => r.UserId);
        builder.Property(r => r.Status).HasMaxLength(32);
    }
}
