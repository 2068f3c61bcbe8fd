using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Identity.ApiKeys;

/// <summary>
/// A key a user created for an agent (the MCP server): what it may do (its scopes), until when, and whether it was
/// revoked. Only the SHA-256 of the secret is stored; <see cref="Prefix"/> finds the row without it.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required UserId UserId { get; init; }

    public required string Name { get; init; }

    /// <summary>The key's first characters (<c>tp_</c> and 9 more): the lookup index, and what listings show.</summary>
    public required string Prefix { get; init; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string SecretHash { get; init; }

    /// <summary>A subset of <see cref="ApiKeyScopes.All"/>.</summary>
    public required string[] Scopes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Null: the key does not expire (it can still be revoked).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Updated at most once per <see cref="ApiKeyOptions.LastUsedResolutionSeconds"/>, not on every request.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || expires > now);
}
