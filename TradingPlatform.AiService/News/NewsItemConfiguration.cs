using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradingPlatform.AiService.News;

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> builder)
    {
        builder.ToTable("news_items");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.ClientId).HasMaxLength(NewsLimits.MaxClientIdLength);
        builder.Property(n => n.DedupeKey).HasMaxLength(80);
        builder.Property(n => n.Headline).HasMaxLength(NewsLimits.MaxHeadlineLength);
        builder.Property(n => n.Source).HasMaxLength(NewsLimits.MaxSourceLength);
        builder.Property(n => n.SentimentLabel).HasMaxLength(16);
        builder.Property(n => n.Impact).HasMaxLength(8);
        builder.Property(n => n.Model).HasMaxLength(120);
        // The idempotency of POST /api/news: a second insert of the same key fails, and the ingestor answers the stored item.
        builder.HasIndex(n => n.DedupeKey).IsUnique();
        builder.HasIndex(n => n.PublishedAt);
        // GET /api/sentiment reads one symbol's items: symbols && ARRAY[...] / = ANY(symbols) use the GIN index.
        builder.HasIndex(n => n.Symbols).HasMethod("gin");
    }
}
