using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Realtime.Connections;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Realtime;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class RealtimeLimitsTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_client_message_over_64_KiB_closes_the_socket_with_1009()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));

        // Just under the limit is only a bad message; one byte over is refused.
        await socket.SendTextAsync($"{{\"type\":\"ping\",\"requestId\":\"{new string('x', (64 * 1024) - 40)}\"}}");
        await socket.WaitForAsync("pong");
        await socket.SendTextAsync(new string(' ', (64 * 1024) + 1));
        Assert.Equal(CloseCodes.MessageTooBig, await socket.WaitForCloseAsync());
    }

    [Fact]
    public async Task A_flooding_client_is_told_it_is_rate_limited_then_closed_with_1008()
    {
        // The fake clock stands still, so the bucket never refills: auth and four pings use the burst of five.
        await using var factory = await TradingKit.StartTradingAsync(infrastructure, ("Realtime:RateLimitBurst", "5"), ("Realtime:RateLimitStrikes", "3"));
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        for (var i = 0; i < 10; i++)
        {
            await socket.SendAsync(new { type = "ping" });
        }

        Assert.Equal(CloseCodes.PolicyViolation, await socket.WaitForCloseAsync());
        Assert.Equal(4, socket.Seen.Count(m => m.GetProperty("type").GetString() == "pong"));
        Assert.Equal(2, socket.Seen.Count(m => m.GetProperty("type").GetString() == "error"
            && m.GetProperty("data").GetProperty("code").GetString() == "RATE_LIMIT_ERROR"));
    }

    [Fact]
    public async Task A_slow_client_gets_only_the_latest_price_per_symbol()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        using var meters = new RealtimeMeterListener(factory);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await socket.SendAsync(new { type = "subscribe", channel = "price_updates", symbols = new[] { "BTC-USD", "ETH-USD" } });
        await socket.WaitForAsync("subscribed");
        var connection = factory.Services.GetRequiredService<ConnectionRegistry>().All.Single();

        connection.Gate.Shut();
        for (var i = 0; i < 50; i++)
        {
            await factory.PublishAsync("BTC-USD", 60_000m + i, 60_010m + i);
        }

        await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);
        // Ticks fan out in order: once ETH's is queued, so is (the last of) BTC's.
        await Poll.UntilAsync(() => connection.QueuedCount == 2, TimeSpan.FromSeconds(15), "the ETH tick to be queued behind BTC's", TimeSpan.FromMilliseconds(10));
        connection.Gate.Open();

        await socket.WaitForAsync("price_update", m => m.GetProperty("data").GetProperty("symbol").GetString() == "ETH-USD");
        var btc = socket.Seen.Where(m => m.GetProperty("type").GetString() == "price_update").ToList();
        Assert.InRange(btc.Count, 1, 2);
        Assert.Equal(60_049m, btc[^1].GetProperty("data").GetProperty("bid").GetDecimal());
        // Seq numbers what was sent: no gaps for the conflated ticks.
        Assert.Equal(Enumerable.Range(1, btc.Count).Select(i => (long)i), btc.Select(m => m.GetProperty("seq").GetInt64()));
        Assert.Equal(50 - btc.Count, meters["realtime.messages.conflated"]);
        Assert.Equal(1, meters["realtime.connections"]);
    }

    [Fact]
    public async Task A_slow_client_that_would_lose_user_messages_is_closed_with_4008_and_resumes_them_all()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure, ("Realtime:SendQueueCapacity", "4"));
        var (user, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await socket.SubscribeAsync("orders");
        var connection = factory.Services.GetRequiredService<ConnectionRegistry>().All.Single();

        connection.Gate.Shut();
        var events = Enumerable.Range(0, 10).Select(_ => RealtimeEvents.SyntheticOrder(user.Id, accountId, "open", factory.Time!.GetUtcNow())).ToList();
        foreach (var e in events)
        {
            await factory.HandleAsync(e);
        }

        await Poll.UntilAsync(() => connection.IsClosing, TimeSpan.FromSeconds(15), "the overflow to close the connection", TimeSpan.FromMilliseconds(10));
        connection.Gate.Open();
        Assert.Equal(CloseCodes.SlowConsumer, await socket.WaitForCloseAsync());
        var delivered = socket.Seen.Where(m => m.GetProperty("type").GetString() == "order_update").ToList();
        var lastSeq = delivered.Count == 0 ? 0 : delivered[^1].GetProperty("seq").GetInt64();

        await using var again = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await again.SendAsync(new { type = "resume", channel = "orders", lastSeq });
        var ids = new List<Guid>();
        for (var i = delivered.Count; i < events.Count; i++)
        {
            ids.Add((await again.WaitForAsync("order_update")).GetProperty("data").GetProperty("id").GetGuid());
        }

        Assert.Equal(events.Select(e => e.Order.Id), [.. delivered.Select(d => d.GetProperty("data").GetProperty("id").GetGuid()), .. ids]);
    }

    [Fact]
    public async Task Nothing_outlives_a_closed_socket()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        using var meters = new RealtimeMeterListener(factory);
        var user = await factory.CreateUserAsync();
        var registry = factory.Services.GetRequiredService<ConnectionRegistry>();
        var polite = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await polite.SubscribeAsync("orders", "positions");
        await using var unauthenticated = await RealtimeSocket.ConnectAsync(factory);
        await unauthenticated.WaitForAsync("connected");
        await using var oversized = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await oversized.SendAsync(new { type = "subscribe", channel = "price_updates", symbols = new[] { "BTC-USD" } });
        await oversized.WaitForAsync("subscribed");
        Assert.Equal(3, registry.Count);

        // Closed by the client, by the auth deadline, and by the server for a message over the limit.
        await polite.DisposeAsync();
        await Poll.UntilAsync(() => registry.Count == 2, TimeSpan.FromSeconds(15), "the politely closed connection to leave the registry", TimeSpan.FromMilliseconds(10));
        factory.Time!.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(CloseCodes.Unauthenticated, await unauthenticated.WaitForCloseAsync());
        await Poll.UntilAsync(() => registry.Count == 1, TimeSpan.FromSeconds(15), "the unauthenticated connection to leave the registry", TimeSpan.FromMilliseconds(10));
        await oversized.SendBytesAsync(new byte[(64 * 1024) + 1]);
        Assert.Equal(CloseCodes.MessageTooBig, await oversized.WaitForCloseAsync());
        await Poll.UntilAsync(() => registry.Count == 0, TimeSpan.FromSeconds(15), "every connection to leave the registry", TimeSpan.FromMilliseconds(10));

        // Nothing was left subscribed: a tick reaches no connection (and throws nowhere).
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
        Assert.Empty(registry.All);
        Assert.Equal(0, meters["realtime.connections"]);
        // connected, authenticated and two subscribed; connected; connected, authenticated and subscribed.
        Assert.Equal(8, meters["realtime.messages.sent"]);
    }
}
