using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Realtime.Connections;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Realtime;

/// <summary>The fan-out of public messages: serialised once for every subscriber, conflated only for a client that falls behind.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class RealtimeFanoutTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Two_subscribers_get_one_shared_body_and_byte_identical_messages_but_for_their_own_seq()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (first, firstUser) = await ConnectAsync(factory);
        await SubscribeBtcAsync(first);
        // The first subscriber has a tick more: its seqs run one ahead of the second's.
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
        await first.WaitForAsync("price_update");
        var (second, secondUser) = await ConnectAsync(factory);
        await SubscribeBtcAsync(second);
        var registry = factory.Services.GetRequiredService<ConnectionRegistry>();
        var a = registry.All.Single(c => c.UserId == firstUser.Id);
        var b = registry.All.Single(c => c.UserId == secondUser.Id);

        // Both send loops hold the next tick at their gate, so the one after it stays queued where it can be looked at.
        a.Gate.Shut();
        b.Gate.Shut();
        await factory.PublishAsync("BTC-USD", 60_100m, 60_110m);
        await Poll.UntilAsync(() => a.IsStalled && b.IsStalled, TimeSpan.FromSeconds(15), "both send loops to wait at their gate", TimeSpan.FromMilliseconds(10));
        await factory.PublishAsync("BTC-USD", 60_200m, 60_210m);
        await Poll.UntilAsync(() => a.QueuedCount == 1 && b.QueuedCount == 1, TimeSpan.FromSeconds(15), "the second tick to be queued to both", TimeSpan.FromMilliseconds(10));
        Assert.Same(a.PeekQueuedBody(), b.PeekQueuedBody());
        a.Gate.Open();
        b.Gate.Open();

        foreach (var bid in new[] { 60_100m, 60_200m })
        {
            var fromFirst = await first.WaitForRawAsync("price_update");
            var fromSecond = await second.WaitForRawAsync("price_update");
            Assert.Equal(bid, Parse(fromFirst).GetProperty("data").GetProperty("bid").GetDecimal());
            var seq = Parse(fromSecond).GetProperty("seq").GetInt64();
            Assert.Equal(seq + 1, Parse(fromFirst).GetProperty("seq").GetInt64());
            // The same bytes up to the seq, which each subscription numbers itself.
            Assert.Equal(WithoutSeq(fromFirst), WithoutSeq(fromSecond));
            Assert.EndsWith($",\"seq\":{seq}}}", Encoding.UTF8.GetString(fromSecond), StringComparison.Ordinal);
        }

        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    [Fact]
    public async Task A_client_that_stops_reading_gets_conflated_prices_while_one_that_reads_gets_every_tick()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        using var meters = new RealtimeMeterListener(factory);
        var (fast, _) = await ConnectAsync(factory);
        var (slow, slowUser) = await ConnectAsync(factory);
        await SubscribeBtcAsync(fast);
        await SubscribeBtcAsync(slow);
        var slowConnection = factory.Services.GetRequiredService<ConnectionRegistry>().All.Single(c => c.UserId == slowUser.Id);

        slowConnection.Gate.Shut();
        const int Ticks = 20;
        for (var i = 0; i < Ticks; i++)
        {
            await factory.PublishAsync("BTC-USD", 60_000m + i, 60_010m + i);
        }

        // The reader gets every tick, in order, numbered without gaps.
        var received = new List<JsonElement>();
        for (var i = 0; i < Ticks; i++)
        {
            received.Add(await fast.WaitForAsync("price_update"));
        }

        Assert.Equal(Enumerable.Range(0, Ticks).Select(i => 60_000m + i), received.Select(m => m.GetProperty("data").GetProperty("bid").GetDecimal()));
        Assert.Equal(Enumerable.Range(1, Ticks).Select(i => (long)i), received.Select(m => m.GetProperty("seq").GetInt64()));

        // The stalled one: what it had not been sent folds down to the latest tick.
        await Poll.UntilAsync(() => slowConnection.IsStalled && slowConnection.QueuedCount == 1, TimeSpan.FromSeconds(15), "the slow client's ticks to fold into one", TimeSpan.FromMilliseconds(10));
        slowConnection.Gate.Open();
        var last = await slow.WaitForAsync("price_update", m => m.GetProperty("data").GetProperty("bid").GetDecimal() == 60_000m + Ticks - 1);
        var slowTicks = slow.Seen.Where(m => m.GetProperty("type").GetString() == "price_update").Append(last).ToList();
        Assert.InRange(slowTicks.Count, 1, 2);
        Assert.Equal(Enumerable.Range(1, slowTicks.Count).Select(i => (long)i), slowTicks.Select(m => m.GetProperty("seq").GetInt64()));
        Assert.Equal(Ticks - slowTicks.Count, meters["realtime.messages.conflated"]);
        Assert.Equal(0, meters["realtime.messages.dropped"]);

        await fast.DisposeAsync();
        await slow.DisposeAsync();
    }

    private static async Task<(RealtimeSocket Socket, TestUser User)> ConnectAsync(ApiFactory factory)
    {
        var user = await factory.CreateUserAsync();
        return (await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user)), user);
    }

    private static async Task SubscribeBtcAsync(RealtimeSocket socket)
    {
        await socket.SendAsync(new { type = "subscribe", channel = "price_updates", symbols = new[] { "BTC-USD" } });
        await socket.WaitForAsync("subscribed");
    }

    private static JsonElement Parse(byte[] raw)
    {
        using var document = JsonDocument.Parse(raw);
        return document.RootElement.Clone();
    }

    private static byte[] WithoutSeq(byte[] raw) => raw[..raw.AsSpan().LastIndexOf(",\"seq\":"u8)];
}
