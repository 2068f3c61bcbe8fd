using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using TradingPlatform.ServiceDefaults.Redis;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Identity.Tokens;

/// <summary>
/// What makes a signed, unexpired access token still unacceptable, kept in Redis so every replica agrees: the deny
/// list of logged-out token ids, and each user's current session version (cached from the database).
/// </summary>
public sealed class SessionStore(IConnectionMultiplexer redis, RedisNamespace keys, IdentityDbContext db, TimeProvider time)
{
    /// <summary>The session version of a user who no longer exists: no token carries it.</summary>
    public const int NoSession = -1;

    private static readonly TimeSpan VersionCacheLifetime = TimeSpan.FromHours(1);

    /// <summary>Whether the token id is denied, and the user's current session version.</summary>
    public async Task<(bool Denied, int SessionVersion)> CheckAsync(UserId userId, string tokenId, CancellationToken cancellationToken)
    {
        // One round trip (MGET) for both keys keeps an authenticated request at one Redis call.
        var values = await redis.GetDatabase().StringGetAsync([DenyKey(tokenId), VersionKey(userId)]);
        if (!values[0].IsNull)
        {
            return (true, NoSession);
        }

        if (!values[1].IsNull)
        {
            return (false, (int)values[1]);
        }

        var version = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => (int?)u.SessionVersion)
            .SingleOrDefaultAsync(cancellationToken) ?? NoSession;

        // NX: if a password change published a newer version meanwhile, this stale read must not overwrite it.
        await redis.GetDatabase().StringSetAsync(VersionKey(userId), version, VersionCacheLifetime, When.NotExists);
        return (false, version);
    }

    /// <summary>Publishes a new session version (call after saving it): older access tokens die at once on every replica.</summary>
    public Task PublishVersionAsync(UserId userId, int version) =>
        redis.GetDatabase().StringSetAsync(VersionKey(userId), version, VersionCacheLifetime);

    /// <summary>Denies one access token until it would have expired anyway.</summary>
    public Task DenyAsync(string tokenId, DateTimeOffset expiresAt)
    {
        var ttl = expiresAt - time.GetUtcNow() + TimeSpan.FromMinutes(1);
        return ttl <= TimeSpan.Zero
            ? Task.CompletedTask
            : redis.GetDatabase().StringSetAsync(DenyKey(tokenId), "1", ttl);
    }

    private RedisKey DenyKey(string tokenId) => keys.Key("identity:denied-jti:" + tokenId);

    private RedisKey VersionKey(UserId userId) => keys.Key("identity:session-version:" + userId.Value.ToString("N", CultureInfo.InvariantCulture));
}
