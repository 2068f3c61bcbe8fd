using System.Globalization;
using System.Text.Json;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Realtime;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class RealtimeProtocolTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Every_message_has_the_envelope_and_a_ping_gets_a_pong()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAsync(factory);
        await socket.SendAsync(new { type = "auth", token = await factory.MintTokenAsync(user) });
        await socket.SendAsync(new { type = "ping", requestId = "r-1" });
        var pong = await socket.WaitForAsync("pong");

        Assert.Equal("r-1", pong.GetProperty("data").GetProperty("requestId").GetString());
        Assert.Equal(["connected", "authenticated"], socket.Seen.Select(m => m.GetProperty("type").GetString()));
        foreach (var message in socket.Seen.Append(pong))
        {
            Assert.Equal(["type", "data", "timestamp", "channel", "seq"], message.EnumerateObject().Select(p => p.Name));
            var timestamp = message.GetProperty("timestamp").GetString()!;
            Assert.EndsWith("Z", timestamp, StringComparison.Ordinal);
            Assert.Equal(factory.Time!.GetUtcNow(), DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture));
        }

        // connected, authenticated, pong: the connection's own messages count 1, 2, 3.
        Assert.Equal([1L, 2L, 3L], socket.Seen.Append(pong).Select(m => m.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task Bad_messages_get_validation_errors_and_the_socket_stays_open()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));

        await socket.SendTextAsync("{not json");
        Assert.Equal("VALIDATION_ERROR", Code(await socket.WaitForAsync("error")));
        await socket.SendAsync(new { type = "dance" });
        Assert.Contains("dance", Message(await socket.WaitForAsync("error", e => Code(e) == "VALIDATION_ERROR")), StringComparison.Ordinal);
        await socket.SendAsync(new { type = "subscribe", channel = "gossip" });
        Assert.Contains("gossip", Message(await socket.WaitForAsync("error", e => Code(e) == "VALIDATION_ERROR")), StringComparison.Ordinal);
        await socket.SendAsync(new { type = "subscribe", channel = "price_updates", symbols = new[] { "NOPE-USD" } });
        Assert.Contains("NOPE-USD", Message(await socket.WaitForAsync("error", e => Code(e) == "VALIDATION_ERROR")), StringComparison.Ordinal);
        await socket.SendAsync(new { type = "subscribe", channel = "orders", accountId = Guid.NewGuid() });
        Assert.Equal("AUTHORIZATION_ERROR", Code(await socket.WaitForAsync("error")));

        await socket.SendAsync(new { type = "ping" });
        await socket.WaitForAsync("pong");
    }

    [Fact]
    public async Task A_published_quote_reaches_price_subscribers_with_seq_from_1_until_they_unsubscribe()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await socket.SendAsync(new { type = "subscribe", channel = "price_updates", symbols = new[] { "BTC-USD" } });
        var subscribed = await socket.WaitForAsync("subscribed");
        Assert.Equal("BTC-USD", subscribed.GetProperty("data").GetProperty("symbols")[0].GetString());

        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
        var first = await socket.WaitForAsync("price_update");
        await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);
        await factory.PublishAsync("BTC-USD", 60_100m, 60_110m);
        var second = await socket.WaitForAsync("price_update");

        Assert.Equal("price_updates", first.GetProperty("channel").GetString());
        var data = first.GetProperty("data");
        Assert.Equal("BTC-USD", data.GetProperty("symbol").GetString());
        Assert.Equal(60_000m, data.GetProperty("bid").GetDecimal());
        Assert.Equal(60_010m, data.GetProperty("ask").GetDecimal());
        Assert.Equal(60_005m, data.GetProperty("last").GetDecimal());
        foreach (var name in new[] { "change", "changePercent", "volume", "timestamp" })
        {
            Assert.True(data.TryGetProperty(name, out _), name);
        }

        Assert.Equal(1, first.GetProperty("seq").GetInt64());
        Assert.Equal(2, second.GetProperty("seq").GetInt64());
        Assert.Equal(60_105m, second.GetProperty("data").GetProperty("last").GetDecimal());
        Assert.Equal(100m, second.GetProperty("data").GetProperty("change").GetDecimal());
        Assert.DoesNotContain(socket.Seen, m => m.GetProperty("type").GetString() == "price_update");

        await socket.SendAsync(new { type = "unsubscribe", channel = "price_updates", symbols = new[] { "BTC-USD" } });
        await socket.WaitForAsync("unsubscribed");
        await factory.PublishAsync("BTC-USD", 61_000m, 61_010m);
        // Fan-out keeps publish order: the candle of the later tick comes after anything the earlier tick caused.
        await socket.SendAsync(new { type = "subscribe", channel = "candles", symbols = new[] { "BTC-USD" }, interval = "1m" });
        await socket.WaitForAsync("subscribed");
        await factory.PublishAsync("BTC-USD", 61_100m, 61_110m);
        var candle = await socket.WaitForAsync("candle", c => c.GetProperty("data").GetProperty("close").GetDecimal() == 61_105m);
        Assert.Equal("1m", candle.GetProperty("data").GetProperty("interval").GetString());
        Assert.Equal("BTC-USD", candle.GetProperty("data").GetProperty("symbol").GetString());
        Assert.DoesNotContain(socket.Seen, m => m.GetProperty("type").GetString() == "price_update");
    }

    [Fact]
    public async Task Seed_002s_action_and_topic_form_subscribes_too()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await socket.SendAsync(new { action = "subscribe", topic = "price_updates:ETH-USD" });
        await socket.WaitForAsync("subscribed");
        await factory.PublishAsync("ETH-USD", 3_000m, 3_002m);
        var price = await socket.WaitForAsync("price_update");
        Assert.Equal("ETH-USD", price.GetProperty("data").GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task The_monitor_endpoint_sends_the_system_status_after_authentication()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user), "/api/ws/monitor");
        var status = await socket.WaitForAsync("system_status");
        Assert.Equal("system", status.GetProperty("channel").GetString());
        Assert.Equal(JsonValueKind.Object, status.GetProperty("data").GetProperty("components").ValueKind);
        Assert.True(status.GetProperty("data").GetProperty("components").TryGetProperty("api", out _));
    }

    [Fact]
    public async Task A_plain_http_request_to_the_socket_url_is_a_400_in_the_error_envelope()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        using var response = await factory.CreateClient().GetAsync(new Uri("/ws", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("VALIDATION_ERROR", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    private static string Code(JsonElement error) => error.GetProperty("data").GetProperty("code").GetString()!;

    private static string Message(JsonElement error) => error.GetProperty("data").GetProperty("message").GetString()!;
}
