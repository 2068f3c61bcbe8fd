using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradingPlatform.AiService.Analysis;

internal sealed class AiRecommendationConfiguration : IEntityTypeConfiguration<AiRecommendation>
{
    public void Configure(EntityTypeBuilder<AiRecommendation> builder)
    {
        builder.ToTable("recommendations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.UserId).HasMaxLength(64);
        builder.Property(r => r.Symbol).HasMaxLength(32);
        builder.Property(r => r.AnalysisType).HasMaxLength(32);
        builder.Property(r => r.Timeframe).HasMaxLength(8);
        builder.Property(r => r.Action).HasMaxLength(8);
        builder.Property(r => r.Price).HasPrecision(28, 10);
        builder.Property(r => r.Reasoning).HasMaxLength(AiRecommendation.MaxReasoningLength);
        // GET /api/ai/recommendations: one user's, newest first, optionally one symbol's.
        builder.HasIndex(r => new { r.UserId, r.CreatedAt });
        builder.HasIndex(r => new { r.UserId, r.Symbol, r.Timeframe, r.AnalysisType });
    }
}
