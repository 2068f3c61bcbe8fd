using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradingPlatform.AiService.Knowledge;

internal sealed class KnowledgePassageRecordConfiguration : IEntityTypeConfiguration<KnowledgePassageRecord>
{
    public void Configure(EntityTypeBuilder<KnowledgePassageRecord> builder)
    {
        builder.ToTable("knowledge_passages");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).UseIdentityAlwaysColumn();
        builder.Property(p => p.Path).HasMaxLength(400);
        builder.Property(p => p.Heading).HasMaxLength(1000);
        builder.Property(p => p.Anchor).HasMaxLength(1000);
        // real[]: 384 floats for MiniLM, the endpoint's dimension otherwise; cosine runs in memory over all passages.
        builder.Property(p => p.Embedding).HasColumnType("real[]");
        builder.Property(p => p.EmbeddingModel).HasMaxLength(200);
        builder.HasIndex(p => new { p.Path, p.Ordinal }).IsUnique();
        // A source's passages go with it: replacing or removing a source deletes its rows in the same transaction.
        builder.HasOne<KnowledgeSource>().WithMany().HasForeignKey(p => p.Path).OnDelete(DeleteBehavior.Cascade);
    }
}
