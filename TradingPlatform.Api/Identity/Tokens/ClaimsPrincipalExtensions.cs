using System.Globalization;
using System.Security.Claims;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Identity.Tokens;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The authenticated user's id; endpoints that call it require authorization, so a missing one is a bug.</summary>
    public static UserId GetUserId(this ClaimsPrincipal principal) =>
        UserId.TryParse(principal.FindFirstValue(TokenClaims.Subject), out var id)
            ? id
            : throw new ApiException(StatusCodes.Status401Unauthorized, ErrorCodes.Authentication, "A valid bearer token is required.");

    public static bool IsAdmin(this ClaimsPrincipal principal) => principal.IsInRole(Roles.Admin);

    /// <summary>The token id and expiry of the bearer token this request came with.</summary>
    public static (string? TokenId, DateTimeOffset? ExpiresAt) GetAccessTokenId(this ClaimsPrincipal principal)
    {
        var exp = principal.FindFirstValue("exp");
        return (principal.FindFirstValue(TokenClaims.TokenId),
            long.TryParse(exp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null);
    }
}
