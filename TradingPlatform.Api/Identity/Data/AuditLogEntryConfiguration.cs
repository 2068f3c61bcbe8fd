using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradingPlatform.Api.Identity.Audit;

namespace TradingPlatform.Api.Identity.Data;

internal sealed class AuditLogEntryConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        // No foreign key to users: the trail must outlive a deleted account.
        builder.HasIndex(e => e.Time);
        builder.HasIndex(e => e.UserId);
        builder.Property(e => e.Email).HasMaxLength(254);
        builder.Property(e => e.Event).HasMaxLength(64);
        builder.Property(e => e.Ip).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(512);
        builder.Property(e => e.Details).HasColumnType("jsonb");
    }
}
