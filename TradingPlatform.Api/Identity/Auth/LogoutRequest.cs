using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Identity.Auth;

public sealed record LogoutRequest
{
    /// <summary>The session's refresh token; without it only the access token is revoked.</summary>
    [StringLength(256)]
    public string? RefreshToken { get; init; }
}
