namespace TradingPlatform.Api.Identity.ApiKeys;

/// <summary>A key as its owner sees it in a listing: never the secret, only its first characters.</summary>
public sealed record ApiKeyResponse(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt)
{
    public static ApiKeyResponse From(ApiKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        var status = key.RevokedAt is not null ? "revoked" : key.IsActive(now) ? "active" : "expired";
        return new ApiKeyResponse(key.Id, key.Name, key.Prefix, key.Scopes, status, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.LastUsedAt);
    }
}
