using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradingPlatform.Messaging.Outbox;

/// <summary>Table <c>outbox_messages</c> of the owning context's schema.</summary>
public sealed class OutboxMessageConfiguration(string? schema) : IEntityTypeConfiguration<OutboxMessage>
{
    public const string TableName = "outbox_messages";

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable(TableName, schema);
        builder.HasKey(message => message.Id);
        // The id comes from the event, never from the database.
        builder.Property(message => message.Id).ValueGeneratedNever();
        builder.Property(message => message.Sequence).UseIdentityByDefaultColumn();
        builder.Property(message => message.Type).HasMaxLength(200);
        builder.Property(message => message.RoutingKey).HasMaxLength(200);
        builder.Property(message => message.Payload).HasColumnType("jsonb");
        builder.Property(message => message.Headers).HasColumnType("jsonb");
        builder.Property(message => message.LastError).HasMaxLength(2000);
        // The relay's query: unsent rows in order. A partial index stays small however many sent rows are kept.
        builder.HasIndex(message => message.Sequence).HasDatabaseName("IX_outbox_messages_unsent").HasFilter("\"SentAt\" IS NULL");
        builder.HasIndex(message => message.SentAt).HasFilter("\"SentAt\" IS NOT NULL");
    }
}
