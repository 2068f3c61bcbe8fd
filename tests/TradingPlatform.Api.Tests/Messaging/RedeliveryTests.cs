using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Tests.Realtime;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Messaging.Inbox;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>
/// The Api's real-time handlers keep no database inbox: the Redis channel log records an event id once, so an event
/// the relay publishes twice (a crash between the broker's confirm and marking the row sent) reaches the socket once.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class RedeliveryTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_account_change_published_twice_is_sent_once_takes_no_second_seq_and_writes_no_inbox_row()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (user, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync(50_000m);
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await socket.SubscribeAsync("orders");
        var before = await OutboxRows.ForAccountAsync(factory, accountId);
        var (order, _) = await factory.BuyAsync(client, accountId);
        var orderId = order.GetProperty("id").GetGuid();
        var row = Assert.Single((await OutboxRows.ForAccountAsync(factory, accountId)).Except(before));
        var filled = await socket.WaitForAsync("order_update", m => m.GetProperty("data").GetProperty("id").GetGuid() == orderId);
        await Poll.UntilAsync(() => SentAtAsync(factory, row.Id), at => at is not null, Timeout, "the row to be marked sent");

        // As if the relay had crashed after the confirm: the row is unsent again and goes out a second time.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TradingDbContext>().Database
                .ExecuteSqlAsync($"""UPDATE trading.outbox_messages SET "SentAt" = NULL WHERE "Id" = {row.Id}""");
        }

        await Poll.UntilAsync(() => SentAtAsync(factory, row.Id), at => at is not null, Timeout, "the row to be sent again");
        // A later change of the same account is handled after the duplicate (one account's events are handled in order).
        using var resting = await client.PlaceAsync(accountId, new { symbol = "BTC-USD", type = "limit", side = "buy", quantity = 0.1m, price = 1_000m });
        var sentinelId = (await resting.ReadDataAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var sentinel = await socket.WaitForAsync("order_update", m => m.GetProperty("data").GetProperty("id").GetGuid() == sentinelId);

        Assert.Equal(filled.GetProperty("seq").GetInt64() + 1, sentinel.GetProperty("seq").GetInt64());
        // Seen holds what arrived besides the two awaited updates: the fill's order_filled once, no second copy of either.
        Assert.Single(socket.Seen, m => m.GetProperty("type").GetString() == "order_filled" && m.GetProperty("data").GetProperty("orderId").GetGuid() == orderId);
        Assert.DoesNotContain(socket.Seen, m => m.GetProperty("type").GetString() == "order_update" && m.GetProperty("data").GetProperty("id").GetGuid() == orderId);
        await using var check = factory.Services.CreateAsyncScope();
        Assert.Equal(0, await check.ServiceProvider.GetRequiredService<TradingDbContext>().Set<InboxMessage>().CountAsync(m => m.MessageId == row.Id));
    }

    private static async Task<DateTimeOffset?> SentAtAsync(ApiFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TradingDbContext>().Set<OutboxMessage>().Where(m => m.Id == id)
            .Select(m => m.SentAt).SingleAsync();
    }
}
