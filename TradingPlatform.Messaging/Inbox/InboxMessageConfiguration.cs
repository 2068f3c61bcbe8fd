using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradingPlatform.Messaging.Inbox;

/// <summary>Table <c>inbox_messages</c> of the owning context's schema, keyed by message id and consumer.</summary>
public sealed class InboxMessageConfiguration(string? schema) : IEntityTypeConfiguration<InboxMessage>
{
    public const string TableName = "inbox_messages";

    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable(TableName, schema);
        builder.HasKey(message => new { message.MessageId, message.Consumer });
        builder.Property(message => message.Consumer).HasMaxLength(200);
        builder.Property(message => message.Type).HasMaxLength(200);
        builder.HasIndex(message => message.ProcessedAt);
    }
}
