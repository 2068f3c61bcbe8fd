using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Identity.Tokens;

/// <summary>Opaque refresh tokens: 256 random bits, stored as their SHA-256 only.</summary>
public sealed class RefreshTokenService(IdentityDbContext db, IOptions<JwtOptions> options, TimeProvider time, IHttpContextAccessor http)
{
    public const int TokenBytes = 32;

    /// <summary>Adds a new token of <paramref name="familyId"/> to the context (saved by the caller) and returns its value.</summary>
    public string Add(User user, Guid familyId, bool rememberMe, out RefreshToken entity)
    {
        ArgumentNullException.ThrowIfNull(user);
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = time.GetUtcNow();
        var days = rememberMe ? options.Value.RememberMeRefreshTokenDays : options.Value.RefreshTokenDays;
        var context = http.HttpContext;
        var userAgent = context?.Request.Headers.UserAgent.ToString();
        entity = new RefreshToken
        {
            UserId = user.Id,
            FamilyId = familyId,
            TokenHash = Hash(value),
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
            RememberMe = rememberMe,
            Ip = context?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = string.IsNullOrEmpty(userAgent) ? null : userAgent[..Math.Min(userAgent.Length, 512)],
        };
        db.RefreshTokens.Add(entity);
        return value;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public Task<RefreshToken?> FindAsync(string token, CancellationToken cancellationToken) =>
        db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == Hash(token), cancellationToken);

    /// <summary>
    /// Spends <paramref name="token"/> atomically: of two requests racing with the same token only one wins, and the
    /// loser is treated as reuse.
    /// </summary>
    public async Task<bool> TrySpendAsync(RefreshToken token, Guid replacedById, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var updated = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.ReplacedById, replacedById), cancellationToken);
        return updated == 1;
    }

    public Task<int> RevokeFamilyAsync(Guid familyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    public Task<int> RevokeAllAsync(UserId userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }
}
