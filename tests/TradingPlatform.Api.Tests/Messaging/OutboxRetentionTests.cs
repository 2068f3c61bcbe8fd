using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>
/// Sent outbox rows are deleted once the retention period has passed. The relay here deletes every
/// old sent row of its database, so the test has servers of its own rather than the collection's.
/// </summary>
public sealed class OutboxRetentionTests : IAsyncLifetime
{
    private readonly InfrastructureFixture _servers = new();

    public Task InitializeAsync() => _servers.InitializeAsync();

    public Task DisposeAsync() => _servers.DisposeAsync();

    [Fact]
    public async Task Sent_rows_are_deleted_after_the_retention_period()
    {
        await using var api = await TradingKit.StartTradingAsync(_servers, ("MessagingOptions:Retention", "00:01:00"));
        var (_, client) = await api.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync(50_000m);
        await api.PublishAsync("ETH-USD", 3_000m, 3_001m);
        using (var placed = await client.PlaceAsync(accountId, new { symbol = "ETH-USD", type = "market", side = "buy", quantity = 1m }))
        {
            await placed.ReadDataAsync(HttpStatusCode.Created);
        }

        var rows = await OutboxRows.ForAccountAsync(api, accountId);
        Assert.NotEmpty(rows);
        await Poll.UntilAsync(() => UnsentAsync(api), count => count == 0, TimeSpan.FromSeconds(30), "the rows to be sent");
        // Until the retention period has passed, the sent rows stay.
        Assert.Equal(rows, await OutboxRows.ForAccountAsync(api, accountId));

        api.Time!.Advance(TimeSpan.FromMinutes(2));

        await Poll.UntilAsync(() => OutboxRows.ForAccountAsync(api, accountId), remaining => remaining.Count == 0, TimeSpan.FromSeconds(30),
            "the sent rows to be deleted");
    }

    private static async Task<int> UnsentAsync(ApiFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TradingDbContext>().Set<OutboxMessage>().CountAsync(m => m.SentAt == null);
    }
}
