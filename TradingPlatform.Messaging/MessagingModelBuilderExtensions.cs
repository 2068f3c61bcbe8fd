using Microsoft.EntityFrameworkCore;
using TradingPlatform.Messaging.Inbox;
using TradingPlatform.Messaging.Outbox;

namespace TradingPlatform.Messaging;

/// <summary>Adds the messaging tables to any DbContext's model, in that context's schema (so its migrations own them).</summary>
public static class MessagingModelBuilderExtensions
{
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder, string? schema)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        return modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration(schema));
    }

    public static ModelBuilder AddInbox(this ModelBuilder modelBuilder, string? schema)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        return modelBuilder.ApplyConfiguration(new InboxMessageConfiguration(schema));
    }
}
