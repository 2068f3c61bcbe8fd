using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Realtime;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class RealtimeResumeTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Resume_replays_exactly_the_missed_messages_once_in_order_before_live_ones()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (user, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync();
        var now = factory.Time!.GetUtcNow();

        long lastSeen;
        await using (var before = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user)))
        {
            await before.SubscribeAsync("orders");
            await factory.HandleAsync(RealtimeEvents.SyntheticOrder(user.Id, accountId, "open", now));
            lastSeen = (await before.WaitForAsync("order_update")).GetProperty("seq").GetInt64();
        }

        var missed = Enumerable.Range(0, 3).Select(_ => RealtimeEvents.SyntheticOrder(user.Id, accountId, "open", now)).ToList();
        foreach (var e in missed)
        {
            await factory.HandleAsync(e);
        }

        await using var after = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await after.SendAsync(new { type = "resume", channel = "orders", lastSeq = lastSeen });
        var live = RealtimeEvents.SyntheticOrder(user.Id, accountId, "filled", now);
        await factory.HandleAsync(live);

        var resumed = await after.WaitForAsync("resumed");
        Assert.False(resumed.GetProperty("data").GetProperty("snapshot").GetBoolean());
        var received = new List<(long Seq, Guid Id)>();
        for (var i = 0; i < 4; i++)
        {
            var update = await after.WaitForAsync("order_update");
            received.Add((update.GetProperty("seq").GetInt64(), update.GetProperty("data").GetProperty("id").GetGuid()));
        }

        Assert.Equal(Enumerable.Range(1, 4).Select(i => lastSeen + i), received.Select(r => r.Seq));
        Assert.Equal([.. missed.Select(e => e.Order.Id), live.Order.Id], received.Select(r => r.Id));

        // Nothing is sent twice: a pong queued after everything above comes with no further order_update.
        await after.SendAsync(new { type = "ping" });
        await after.WaitForAsync("pong");
        Assert.DoesNotContain(after.Seen, m => m.GetProperty("type").GetString() == "order_update");
    }

    [Fact]
    public async Task Resume_from_before_the_replay_window_gets_a_snapshot_of_open_orders()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (user, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync();
        await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);
        using var placed = await client.PlaceAsync(accountId, new { symbol = "ETH-USD", type = "limit", side = "buy", quantity = 1m, price = 2_500m });
        var resting = await placed.ReadDataAsync(System.Net.HttpStatusCode.Created);

        await factory.HandleAsync(RealtimeEvents.OrderUpdated(user.Id, resting, factory.Time!.GetUtcNow()));
        factory.Time.Advance(TimeSpan.FromMinutes(11));
        await factory.HandleAsync(RealtimeEvents.SyntheticOrder(user.Id, accountId, "open", factory.Time.GetUtcNow()));

        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await socket.SendAsync(new { type = "resume", channel = "orders", lastSeq = 0 });
        var resumed = await socket.WaitForAsync("resumed");
        Assert.True(resumed.GetProperty("data").GetProperty("snapshot").GetBoolean());
        var snapshot = await socket.WaitForAsync("snapshot");
        Assert.Equal("orders", snapshot.GetProperty("channel").GetString());
        // At least the two handled here; the REST order's own event may have come through the pipeline as well.
        var snapshotSeq = snapshot.GetProperty("seq").GetInt64();
        Assert.True(snapshotSeq >= 2, $"snapshot seq {snapshotSeq}");
        Assert.Equal("replay_window_exceeded", snapshot.GetProperty("data").GetProperty("reason").GetString());
        var item = Assert.Single(snapshot.GetProperty("data").GetProperty("items").EnumerateArray());
        Assert.Equal(resting.GetProperty("id").GetGuid(), item.GetProperty("id").GetGuid());

        // Live messages continue after the snapshot's seq.
        var live = RealtimeEvents.SyntheticOrder(user.Id, accountId, "open", factory.Time.GetUtcNow());
        await factory.HandleAsync(live);
        var update = await socket.WaitForAsync("order_update", m => m.GetProperty("data").GetProperty("id").GetGuid() == live.Order.Id);
        Assert.True(update.GetProperty("seq").GetInt64() > snapshotSeq);
    }

    [Fact]
    public async Task Resume_on_a_public_channel_gives_the_latest_quotes()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await socket.SendAsync(new { type = "resume", channel = "price_updates", symbols = new[] { "BTC-USD" }, lastSeq = 7 });
        var snapshot = await socket.WaitForAsync("snapshot");
        var quote = Assert.Single(snapshot.GetProperty("data").GetProperty("items").EnumerateArray());
        Assert.Equal("BTC-USD", quote.GetProperty("symbol").GetString());
        Assert.Equal(60_010m, quote.GetProperty("ask").GetDecimal());
    }
}
