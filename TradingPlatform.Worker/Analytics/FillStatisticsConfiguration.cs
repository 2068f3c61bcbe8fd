using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradingPlatform.Worker.Analytics;

internal sealed class FillStatisticsConfiguration : IEntityTypeConfiguration<FillStatistics>
{
    public const string TableName = "fill_statistics";

    public void Configure(EntityTypeBuilder<FillStatistics> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(s => new { s.AccountId, s.Symbol, s.Day });
        builder.Property(s => s.Symbol).HasMaxLength(32);
        builder.HasIndex(s => new { s.UserId, s.Day });
    }
}
