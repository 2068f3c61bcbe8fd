using System.Text.Json;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Realtime;

/// <summary>
/// The whole path with nothing called by hand: an order placed over REST writes its events to the outbox, the relay
/// publishes them to RabbitMQ, the Api's consumer hands them to the real-time handlers, and Redis fans them out to the
/// sockets (seed 002's two-client scenario).
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class RealtimePipelineTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan PipelineTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_filled_REST_order_reaches_both_of_the_owners_sockets_with_every_field_and_no_one_elses()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (owner, ownerClient) = await factory.CreateUserWithClientAsync();
        var (other, otherClient) = await factory.CreateUserWithClientAsync();
        var accountId = await ownerClient.CreateAccountAsync();
        var otherAccountId = await otherClient.CreateAccountAsync();
        await using var first = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(owner));
        await using var second = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(owner));
        await using var stranger = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(other));
        foreach (var socket in new[] { first, second, stranger })
        {
            await socket.SubscribeAsync("orders", "positions");
        }

        var (order, position) = await factory.BuyAsync(ownerClient, accountId);
        // The stranger's own order, placed after the owner's: once its update arrives, a leak would have arrived too.
        using var own = await otherClient.PlaceAsync(otherAccountId, new { symbol = "BTC-USD", type = "limit", side = "buy", quantity = 0.1m, price = 1_000m });
        var ownOrder = await own.ReadDataAsync(System.Net.HttpStatusCode.Created);

        foreach (var socket in new[] { first, second })
        {
            var filled = await FindAsync(socket, "order_update", m => m.GetProperty("data").GetProperty("status").GetString() == "filled");
            var data = filled.GetProperty("data");
            Assert.Equal(order.GetProperty("id").GetGuid(), data.GetProperty("id").GetGuid());
            Assert.Equal(0.5m, data.GetProperty("filledQuantity").GetDecimal());
            Assert.Equal(order.GetProperty("averagePrice").GetDecimal(), data.GetProperty("averagePrice").GetDecimal());

            var opened = await FindAsync(socket, "position_update", m => m.GetProperty("data").GetProperty("action").GetString() == "OPENED");
            var p = opened.GetProperty("data").GetProperty("position");
            Assert.Equal(position.GetProperty("id").GetGuid(), p.GetProperty("id").GetGuid());
            string[] seed000 =
            [
                "id", "symbol", "side", "quantity", "entryPrice", "currentPrice", "unrealizedPnl", "unrealizedPnlPercent",
                "leverage", "stopLoss", "takeProfit", "liquidationPrice", "margin", "entryTime",
            ];
            Assert.All(seed000, field => Assert.True(p.TryGetProperty(field, out _), $"position_update lacks {field}"));
            Assert.Equal("LONG", p.GetProperty("side").GetString());
            Assert.Equal(55_000m, p.GetProperty("stopLoss").GetDecimal());
            Assert.Equal(position.GetProperty("margin").GetDecimal(), p.GetProperty("margin").GetDecimal());
        }

        var strangersOwn = await FindAsync(stranger, "order_update",
            m => m.GetProperty("data").GetProperty("id").GetGuid() == ownOrder.GetProperty("id").GetGuid());
        Assert.Equal(otherAccountId, strangersOwn.GetProperty("data").GetProperty("accountId").GetGuid());
        Assert.DoesNotContain(stranger.Seen, m => m.GetProperty("type").GetString() is "order_update" or "position_update"
            && m.GetProperty("data").GetRawText().Contains(accountId.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_client_that_was_away_while_orders_filled_resumes_with_exactly_the_missed_messages_in_order()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (owner, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync();
        var token = await factory.MintTokenAsync(owner);
        long lastSeq;
        await using (var before = await RealtimeSocket.ConnectAuthenticatedAsync(factory, token))
        {
            await before.SendAsync(new { type = "subscribe", channel = "orders" });
            var subscribed = await before.WaitForAsync("subscribed");
            lastSeq = subscribed.GetProperty("data").GetProperty("lastSeq").GetInt64();
        }

        // Away: three orders are placed and fill; a watcher on another socket shows when all their updates exist.
        await using var watcher = await RealtimeSocket.ConnectAuthenticatedAsync(factory, token);
        await watcher.SubscribeAsync("orders");
        var placed = new List<Guid>();
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PlaceAsync(accountId, new { symbol = "BTC-USD", type = "market", side = "buy", quantity = 0.1m });
            placed.Add((await response.ReadDataAsync(System.Net.HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }

        var lastFilled = placed[^1];
        var final = await FindAsync(watcher, "order_update", m => m.GetProperty("data").GetProperty("id").GetGuid() == lastFilled
            && m.GetProperty("data").GetProperty("status").GetString() == "filled");
        var finalSeq = final.GetProperty("seq").GetInt64();

        await using var resumed = await RealtimeSocket.ConnectAuthenticatedAsync(factory, token);
        await resumed.SendAsync(new { type = "resume", channel = "orders", lastSeq });
        await resumed.WaitForAsync("resumed", timeout: PipelineTimeout);
        var replayed = new List<JsonElement>();
        // Every message of the orders channel (order_update and order_filled) from lastSeq + 1 on, each once, in order.
        while (replayed.Count == 0 || replayed[^1].GetProperty("seq").GetInt64() < finalSeq)
        {
            var message = await resumed.ReceiveAsync(PipelineTimeout);
            if (message.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.String && channel.GetString() == "orders")
            {
                replayed.Add(message);
            }
        }

        var seqs = replayed.Select(m => m.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range((int)lastSeq + 1, (int)(finalSeq - lastSeq)).Select(s => (long)s), seqs);
        var updates = replayed.Where(m => m.GetProperty("type").GetString() == "order_update");
        Assert.Equal(placed, updates.Select(m => m.GetProperty("data").GetProperty("id").GetGuid()).Distinct());
    }

    /// <summary>The first message of <paramref name="type"/> matching <paramref name="where"/>, seen already or yet to come (none is discarded).</summary>
    private static async Task<JsonElement> FindAsync(RealtimeSocket socket, string type, Func<JsonElement, bool> where)
    {
        using var deadline = new CancellationTokenSource(PipelineTimeout);
        var checkedCount = 0;
        while (true)
        {
            for (; checkedCount < socket.Seen.Count; checkedCount++)
            {
                var seen = socket.Seen[checkedCount];
                if (seen.GetProperty("type").GetString() == type && where(seen))
                {
                    return seen;
                }
            }

            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"No matching {type} arrived; seen: {string.Join("\n", socket.Seen.Select(m => m.GetRawText()))}");
            }

            socket.Seen.Add(await socket.ReceiveAsync(PipelineTimeout));
        }
    }
}
