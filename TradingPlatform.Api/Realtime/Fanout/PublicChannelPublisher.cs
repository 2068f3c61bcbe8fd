using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TradingPlatform.ServiceDefaults.Redis;
using TradingPlatform.Api.Realtime.Protocol;

namespace TradingPlatform.Api.Realtime.Fanout;

/// <summary>
/// Publishes public-channel messages (signals, news) and price ticks to every replica through Redis pub/sub. Public
/// messages carry no seq here: each subscription numbers what it receives. An event id makes a redelivery a no-op.
/// </summary>
public sealed class PublicChannelPublisher(IConnectionMultiplexer redis, RedisNamespace keys, IOptions<RealtimeOptions> options)
{
    // KEYS: dedupe. ARGV: ttl ms, pub/sub channel, payload…
    private const string PublishOnceScript = """
        if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
        for i = 3, #ARGV do redis.call('PUBLISH', ARGV[2], ARGV[i]) end
        return 1
        """;

    public RedisChannel PublicChannel => RedisChannel.Literal(Prefix + ":public");

    /// <summary>Ticks go out on the deployment's own channel: another deployment's feed on this Redis never reaches its clients.</summary>
    public RedisChannel PricesChannel => RedisChannel.Literal(Prefix + ":prices");

    private string Prefix => keys.Name(options.Value.RedisPrefix);

    /// <summary>Publishes the messages (channel and open body) once per event id; false when it was already published.</summary>
    public async Task<bool> PublishOnceAsync(Guid eventId, string channel, string? symbol, IReadOnlyList<byte[]> bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        RedisValue[] args =
        [
            (long)TimeSpan.FromDays(1).TotalMilliseconds,
            PublicChannel.ToString(),
            .. bodies.Select(b => (RedisValue)Route(channel, symbol, b)),
        ];
        var published = await redis.GetDatabase().ScriptEvaluateAsync(
            PublishOnceScript, [(RedisKey)$"{Prefix}:public-event:{eventId:N}"], args);
        return (long)published == 1;
    }

    /// <summary>Publishes without dedupe (news from a source that has no ids).</summary>
    public Task PublishAsync(string channel, string? symbol, byte[] body) =>
        redis.GetSubscriber().PublishAsync(PublicChannel, Route(channel, symbol, body));

    public Task PublishPricesAsync(IReadOnlyList<PriceUpdateData> prices) =>
        redis.GetSubscriber().PublishAsync(PricesChannel, JsonSerializer.SerializeToUtf8Bytes(prices, Envelope.Json));

    /// <summary>Splits <c>channel|symbol|body</c>.</summary>
    public static bool TryParse(byte[] payload, out string channel, out string? symbol, out byte[] body)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var first = Array.IndexOf(payload, (byte)'|');
        var second = first < 0 ? -1 : Array.IndexOf(payload, (byte)'|', first + 1);
        if (second < 0)
        {
            channel = "";
            symbol = null;
            body = [];
            return false;
        }

        channel = Encoding.UTF8.GetString(payload, 0, first);
        symbol = second == first + 1 ? null : Encoding.UTF8.GetString(payload, first + 1, second - first - 1);
        body = payload[(second + 1)..];
        return true;
    }

    private static byte[] Route(string channel, string? symbol, byte[] body) =>
        [.. Encoding.UTF8.GetBytes($"{channel}|{symbol}|"), .. body];
}
