using StackExchange.Redis;
using TradingPlatform.ServiceDefaults.Redis;

namespace TradingPlatform.Api.Infrastructure.RateLimiting;

/// <summary>
/// A fixed-window counter in Redis, so a limit holds across Api replicas: INCR and, on the window's first hit, PEXPIRE
/// run as one script, so a crash between them can never leave a counter without expiry.
/// </summary>
public sealed class RedisRateLimitCounter(IConnectionMultiplexer redis, RedisNamespace keys)
{
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
        return { count, ttl }
        """;

    public async Task<RateLimitDecision> HitAsync(string key, int limit, TimeSpan window)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            Script, [keys.Key("ratelimit:" + key)], [(long)window.TotalMilliseconds]))!;
        var count = (long)result[0];
        var ttl = TimeSpan.FromMilliseconds((long)result[1]);
        return new RateLimitDecision(count <= limit, count, ttl);
    }
}
