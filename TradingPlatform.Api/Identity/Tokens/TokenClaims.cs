using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.Api.Identity.Tokens;

/// <summary>The access token's claims, as they appear in the JWT (inbound claim mapping is off).</summary>
public static class TokenClaims
{
    public const string Subject = AccessTokenValidation.SubjectClaim;
    public const string Email = "email";
    public const string Role = AccessTokenValidation.RoleClaim;
    public const string TokenId = "jti";

    /// <summary>The user's session version when the token was issued; a stale one is refused.</summary>
    public const string SessionVersion = "sv";
}
