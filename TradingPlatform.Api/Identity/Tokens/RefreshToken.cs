using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Identity.Tokens;

/// <summary>
/// One refresh token of a login session (its family). Only the SHA-256 of the opaque value is stored, so a database
/// leak hands out no usable token.
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required UserId UserId { get; init; }

    /// <summary>Every token rotated from the same login shares it; reuse of a spent one revokes them all.</summary>
    public required Guid FamilyId { get; init; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The token this one was rotated into; null while unused or when revoked by logout or reuse detection.</summary>
    public Guid? ReplacedById { get; set; }

    public bool RememberMe { get; init; }

    public string? Ip { get; init; }

    public string? UserAgent { get; init; }
}
