using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Tokens;

namespace TradingPlatform.Api.Identity.ApiKeys;

/// <summary>
/// Turns a presented key into its user's principal, or says why not. Every request reads the key and its user from
/// the database (one indexed query), so that a revocation, an expiry, a deactivation or a role change applies to the
/// very next call, on every replica, with no cache to invalidate.
/// </summary>
public sealed class ApiKeyAuthenticator(IdentityDbContext db, IOptions<ApiKeyOptions> options, TimeProvider time)
{
    public async Task<(ClaimsPrincipal? Principal, string? Failure)> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.IsWellFormed(presented))
        {
            return (null, "The API key is malformed.");
        }

        var prefix = ApiKeySecret.LookupPrefixOf(presented);
        var hash = ApiKeySecret.Hash(presented);
        var candidates = await db.ApiKeys.AsNoTracking().Where(k => k.Prefix == prefix).ToListAsync(cancellationToken);
        var key = candidates.FirstOrDefault(k => ApiKeySecret.HashesEqual(k.SecretHash, hash));
        if (key is null)
        {
            return (null, "The API key is invalid.");
        }

        var now = time.GetUtcNow();
        if (key.RevokedAt is not null)
        {
            return (null, "The API key has been revoked.");
        }

        if (key.ExpiresAt is { } expires && expires <= now)
        {
            return (null, "The API key has expired.");
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == key.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            return (null, "The API key's account is not active.");
        }

        if (key.LastUsedAt is not { } used || now - used >= options.Value.LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        List<Claim> claims =
        [
            new(TokenClaims.Subject, user.Id.ToString()),
            new(TokenClaims.Email, user.Email),
            new(TokenClaims.Role, user.Role),
            new(ApiKeyClaims.KeyId, key.Id.ToString()),
            new(ApiKeyClaims.KeyName, key.Name),
            .. key.Scopes.Select(s => new Claim(ApiKeyClaims.Scope, s)),
        ];
        var identity = new ClaimsIdentity(claims, ApiKeyAuthenticationDefaults.Scheme, TokenClaims.Subject, TokenClaims.Role);
        return (new ClaimsPrincipal(identity), null);
    }
}
