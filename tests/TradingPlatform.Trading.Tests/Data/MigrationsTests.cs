using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Trading.Tests.Data;

/// <summary>The trading model and its migrations agree (no change was made without `dotnet ef migrations add`). No server needed.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_migrations_cover_the_whole_model_including_the_outbox_and_inbox()
    {
        using var db = new TradingDbContextDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Contains(db.GetService<IMigrationsAssembly>().Migrations.Keys, id => id.EndsWith("_Messaging", StringComparison.Ordinal));
        Assert.NotNull(db.Model.FindEntityType(typeof(TradingPlatform.Messaging.Outbox.OutboxMessage)));
        Assert.NotNull(db.Model.FindEntityType(typeof(TradingPlatform.Messaging.Inbox.InboxMessage)));
    }
}
