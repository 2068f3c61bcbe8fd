using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.Api.Identity.Audit;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Identity.ApiKeys;

/// <summary>Creating, listing and revoking the caller's own API keys; each change is audited in the same SaveChanges.</summary>
public sealed class ApiKeyService(IdentityDbContext db, AuditLog audit, IOptions<ApiKeyOptions> options, TimeProvider time)
{
    public async Task<CreatedApiKeyResponse> CreateAsync(ClaimsPrincipal caller, CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var userId = caller.GetUserId();
        var now = time.GetUtcNow();
        string[] scopes = [.. ApiKeyScopes.All.Where(s => request.Scopes!.Contains(s, StringComparer.Ordinal))];
        if (request.ExpiresAt is { } expires && expires <= now)
        {
            throw Invalid("expiresAt", "expiresAt must be in the future.");
        }

        if (request.ExpiresAt is { } far && far > now + settings.MaxLifetime)
        {
            throw Invalid("expiresAt", $"expiresAt may be at most {settings.MaxLifetimeDays} days ahead.");
        }

        // The user's row lock serialises concurrent creations, so that two of them cannot both pass the count below.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var user = await db.Users.FromSql($"""SELECT * FROM identity.users WHERE "Id" = {userId.Value} FOR UPDATE""")
                .SingleOrDefaultAsync(token)
                ?? throw new ApiException(StatusCodes.Status401Unauthorized, ErrorCodes.Authentication, "The account no longer exists.");
            if (scopes.FirstOrDefault(s => !ApiKeyScopes.RoleAllows(user.Role, s)) is { } refused)
            {
                throw Invalid("scopes", $"The scope '{refused}' needs the trader or admin role; a {user.Role} may create keys with 'read' only.");
            }

            var active = await db.ApiKeys.CountAsync(k => k.UserId == userId && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), token);
            if (active >= settings.MaxActivePerUser)
            {
                throw new ApiException(StatusCodes.Status409Conflict, ErrorCodes.Conflict,
                    $"You already have {active} active API keys, the most allowed; revoke one first.");
            }

            var (secret, prefix, hash) = ApiKeySecret.Generate();
            var key = new ApiKey
            {
                UserId = userId, Name = request.Name!.Trim(), Prefix = prefix, SecretHash = hash, Scopes = scopes, CreatedAt = now,
                ExpiresAt = request.ExpiresAt?.ToUniversalTime(),
            };
            db.ApiKeys.Add(key);
            audit.Add(ApiKeyAuditEvents.Created, user, new { keyId = key.Id, key.Name, key.Prefix, scopes, key.ExpiresAt });
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return new CreatedApiKeyResponse(secret, ApiKeyResponse.From(key, now));
        }, cancellationToken);
    }

    /// <summary>The caller's keys, newest first, revoked and expired ones included (with their status).</summary>
    public async Task<IReadOnlyList<ApiKeyResponse>> ListAsync(ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var userId = caller.GetUserId();
        var now = time.GetUtcNow();
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId)
            .OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).ToListAsync(cancellationToken);
        return [.. keys.Select(k => ApiKeyResponse.From(k, now))];
    }

    /// <summary>Revokes one of the caller's keys at once (its next request is a 401); another user's key is a 404. Revoking twice is a no-op.</summary>
    public async Task RevokeAsync(ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var userId = caller.GetUserId();
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.UserId == userId, cancellationToken)
            ?? throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "No such API key.");
        if (key.RevokedAt is not null)
        {
            return;
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        key.RevokedAt = time.GetUtcNow();
        audit.Add(ApiKeyAuditEvents.Revoked, user, new { keyId = key.Id, key.Name, key.Prefix });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ApiException Invalid(string field, string message) =>
        new(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, message, new Dictionary<string, string[]> { [field] = [message] });
}
