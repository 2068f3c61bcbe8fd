using StackExchange.Redis;

namespace TradingPlatform.Api.Market.Feed;

/// <summary>
/// Leader election through one Redis key: the leader holds <c>SET key token NX PX lease</c> and renews it (only while
/// the key still holds its own token) well before it expires; when it stops renewing (crash, partition, shutdown) the
/// key expires and the next candidate's SET NX wins. A leader that cannot renew steps down at once, so two leaders
/// overlap for at most the time a renewal takes. Not a fencing lock: use it for work that tolerates that overlap.
/// </summary>
public sealed class RedisLeaderElection(IConnectionMultiplexer redis, string key, TimeSpan lease, ILogger? logger = null)
{
    // Renew or release only our own lease: compare the token and act in one atomic script.
    private const string RenewScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end
        """;

    public string Key { get; } = key;

    public TimeSpan Lease { get; } = lease;

    /// <summary>This candidate's identity, stored in the key while it leads.</summary>
    public string Token { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public bool IsLeader { get; private set; }

    /// <summary>Renews the lease if this candidate leads, otherwise tries to take it. Answers whether it leads now.</summary>
    public async Task<bool> TryAcquireOrRenewAsync()
    {
        var wasLeader = IsLeader;
        try
        {
            var database = redis.GetDatabase();
            if (IsLeader)
            {
                var renewed = (long)(await database.ScriptEvaluateAsync(RenewScript, [Key], [Token, (long)Lease.TotalMilliseconds])) == 1;
                IsLeader = renewed;
            }

            if (!IsLeader)
            {
                IsLeader = await database.StringSetAsync(Key, Token, Lease, When.NotExists);
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger?.LogWarning(exception, "Leader election on {Key} could not reach Redis; not leading", Key);
            IsLeader = false;
        }

        if (IsLeader != wasLeader)
        {
            logger?.LogInformation("Leadership of {Key}: {Leading}", Key, IsLeader ? "acquired" : "lost");
        }

        return IsLeader;
    }

    /// <summary>Gives the lease up (if this candidate holds it) so another can take over at once.</summary>
    public async Task ReleaseAsync()
    {
        if (!IsLeader)
        {
            return;
        }

        IsLeader = false;
        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [Key], [Token]);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger?.LogWarning(exception, "Releasing the leadership of {Key} failed; it expires by itself", Key);
        }
    }
}
