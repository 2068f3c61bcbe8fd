using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TradingPlatform.ServiceDefaults.Redis;

namespace TradingPlatform.Api.Realtime.Fanout;

/// <summary>
/// Each user channel's sequence, replay buffer and fan-out, in Redis so that every replica and every connection agree
/// on the seq. One Lua script dedupes by event id, takes the next seq(s), appends to the buffer (a sorted set scored by
/// seq, members <c>{unixMs}|{message}</c>), trims what is older than the window by the caller's clock (tests age
/// messages out with a fake clock) and publishes: an event is either recorded and fanned out once, or not at all.
/// </summary>
public sealed class UserChannelLog(IConnectionMultiplexer redis, RedisNamespace keys, IOptions<RealtimeOptions> options, TimeProvider time)
{
    private const string TrimFunction = """
        local function trim(key, cutoff, max)
          while true do
            local first = redis.call('ZRANGE', key, 0, 0)
            if #first == 0 then break end
            local at = tonumber(string.match(first[1], '^(%-?%d+)|'))
            if at >= cutoff then break end
            redis.call('ZREMRANGEBYRANK', key, 0, 0)
          end
          redis.call('ZREMRANGEBYRANK', key, 0, -(max + 1))
        end
        """;

    // KEYS: seq, buffer, dedupe. ARGV: now ms, window ms, max entries, pub/sub channel, routing prefix, dedupe ttl ms, bodies…
    private const string AppendScript = TrimFunction + """

        if not redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[6]) then return {} end
        local now = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local seqs = {}
        for i = 7, #ARGV do
          local seq = redis.call('INCR', KEYS[1])
          local message = ARGV[i] .. ',"seq":' .. seq .. '}'
          redis.call('ZADD', KEYS[2], seq, ARGV[1] .. '|' .. message)
          redis.call('PUBLISH', ARGV[4], ARGV[5] .. seq .. '|' .. message)
          seqs[#seqs + 1] = seq
        end
        trim(KEYS[2], now - window, tonumber(ARGV[3]))
        redis.call('PEXPIRE', KEYS[2], window + 3600000)
        return seqs
        """;

    // KEYS: seq, buffer. ARGV: now ms, window ms, max entries, last seq.
    // Answers {current, 0} (nothing missed), {current, -1} (gap: snapshot) or {current, 1, messages…}.
    private const string ReadScript = TrimFunction + """

        trim(KEYS[2], tonumber(ARGV[1]) - tonumber(ARGV[2]), tonumber(ARGV[3]))
        local current = tonumber(redis.call('GET', KEYS[1]) or '0')
        local last = tonumber(ARGV[4])
        if last == current then return {current, 0} end
        if last > current then return {current, -1} end
        local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
        if #first == 0 or tonumber(first[2]) > last + 1 then return {current, -1} end
        local entries = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. last, '+inf')
        local result = {current, 1}
        for i = 1, #entries do result[#result + 1] = entries[i] end
        return result
        """;

    private static readonly TimeSpan DedupeFor = TimeSpan.FromDays(1);

    private RealtimeOptions Settings => options.Value;

    private string Prefix => keys.Name(Settings.RedisPrefix);

    public RedisChannel PubSubChannel => RedisChannel.Literal(Prefix + ":user");

    /// <summary>
    /// Appends the messages (bodies from <see cref="Protocol.Envelope.Open"/>) to the user's channel and publishes them.
    /// Answers their seqs, or nothing when the event was already recorded (a redelivery).
    /// </summary>
    public async Task<IReadOnlyList<long>> AppendAsync(Guid userId, Guid? accountId, string channel, Guid eventId, IReadOnlyList<byte[]> bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var settings = Settings;
        RedisValue[] args =
        [
            time.GetUtcNow().ToUnixTimeMilliseconds(),
            (long)settings.ReplayWindow.TotalMilliseconds,
            settings.MaxReplayMessages,
            PubSubChannel.ToString(),
            // Routing prefix of the pub/sub message: user|account|channel|, then the script adds seq|message.
            $"{userId:N}|{(accountId is { } a ? a.ToString("N") : "")}|{channel}|",
            (long)DedupeFor.TotalMilliseconds,
            .. bodies.Select(b => (RedisValue)b),
        ];
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            AppendScript, [SeqKey(userId, channel), BufferKey(userId, channel), DedupeKey(userId, channel, eventId)], args);
        return [.. ((RedisResult[])result!).Select(r => (long)r)];
    }

    /// <summary>The channel's current seq (0 before its first message).</summary>
    public async Task<long> CurrentAsync(Guid userId, string channel)
    {
        var value = await redis.GetDatabase().StringGetAsync(SeqKey(userId, channel));
        return value.IsNull ? 0 : (long)value;
    }

    /// <summary>The messages after <paramref name="lastSeq"/>, in order; null when some of them are no longer kept.</summary>
    public async Task<(long Current, IReadOnlyList<(long Seq, byte[] Message)>? Missed)> ReadAfterAsync(Guid userId, string channel, long lastSeq)
    {
        var settings = Settings;
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            ReadScript,
            [SeqKey(userId, channel), BufferKey(userId, channel)],
            [time.GetUtcNow().ToUnixTimeMilliseconds(), (long)settings.ReplayWindow.TotalMilliseconds, settings.MaxReplayMessages, lastSeq]))!;
        var current = (long)result[0];
        var state = (long)result[1];
        if (state == 0)
        {
            return (current, []);
        }

        if (state < 0)
        {
            return (current, null);
        }

        var missed = new List<(long, byte[])>(result.Length - 2);
        for (var i = 2; i < result.Length; i++)
        {
            var entry = (byte[])result[i]!;
            var bar = Array.IndexOf(entry, (byte)'|');
            var message = entry[(bar + 1)..];
            missed.Add((ReadSeq(message), message));
        }

        return (current, missed);
    }

    /// <summary>Splits a pub/sub message <c>user|account|channel|seq|message</c>.</summary>
    public static bool TryParse(byte[] payload, out Guid userId, out Guid? accountId, out string channel, out long seq, out byte[] message)
    {
        ArgumentNullException.ThrowIfNull(payload);
        userId = Guid.Empty;
        accountId = null;
        channel = "";
        seq = 0;
        message = [];
        var fields = new int[4];
        var start = 0;
        for (var i = 0; i < 4; i++)
        {
            var bar = Array.IndexOf(payload, (byte)'|', start);
            if (bar < 0)
            {
                return false;
            }

            fields[i] = bar;
            start = bar + 1;
        }

        var text = Encoding.UTF8.GetString(payload, 0, fields[3]);
        var parts = text.Split('|');
        if (!Guid.TryParse(parts[0], out userId)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out seq))
        {
            return false;
        }

        accountId = Guid.TryParse(parts[1], out var account) ? account : null;
        channel = parts[2];
        message = payload[(fields[3] + 1)..];
        return true;
    }

    private static long ReadSeq(byte[] message)
    {
        // The script appended ,"seq":N} last: read N back from the end.
        var marker = Encoding.UTF8.GetBytes(",\"seq\":");
        var at = message.AsSpan().LastIndexOf(marker);
        return long.Parse(message.AsSpan(at + marker.Length, message.Length - at - marker.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private RedisKey SeqKey(Guid userId, string channel) => $"{Prefix}:seq:{userId:N}:{channel}";

    private RedisKey BufferKey(Guid userId, string channel) => $"{Prefix}:buffer:{userId:N}:{channel}";

    private RedisKey DedupeKey(Guid userId, string channel, Guid eventId) => $"{Prefix}:event:{userId:N}:{channel}:{eventId:N}";
}
