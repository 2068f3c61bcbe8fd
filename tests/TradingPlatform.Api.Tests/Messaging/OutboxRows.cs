using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>Reads the trading outbox and tells which account an event belongs to.</summary>
public static class OutboxRows
{
    /// <summary>Outbox rows (id, type) of one account, in publishing order.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Type)>> ForAccountAsync(ApiFactory factory, Guid accountId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        var account = accountId.ToString();
        var rows = await db.Database.SqlQuery<OutboxRow>($"""
            SELECT "Id", "Type" FROM trading.outbox_messages
            WHERE "Payload"->>'accountId' = {account}
            ORDER BY "Sequence"
            """).ToListAsync();
        return [.. rows.Select(row => (row.Id, row.Type))];
    }

    public static Guid? AccountOf(IntegrationEvent integrationEvent) => (integrationEvent as AccountChangedIntegrationEvent)?.AccountId;

    private sealed record OutboxRow(Guid Id, string Type);
}
