using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TradingPlatform.Testing;

/// <summary>
/// Access tokens shaped exactly like the Api's (HS256, its issuer, audience and claims), correct in every respect unless
/// a test changes one, so that a refusal can only be due to that change. For the services that accept the Api's tokens
/// without issuing them (the Worker's dashboard, the AiService).
/// </summary>
public static class TestTokens
{
    public const string Issuer = "tradingplatform-api";
    public const string Audience = "tradingplatform";

    /// <param name="userId">The token's <c>sub</c>; a new user when null.</param>
    public static string Mint(string signingKey, string role, TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null, Guid? userId = null)
    {
        var now = issuedAt ?? DateTimeOffset.UtcNow;
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + (lifetime ?? TimeSpan.FromMinutes(15))).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = (userId ?? Guid.NewGuid()).ToString(),
                ["email"] = $"{role}-{Guid.NewGuid():N}@example.test",
                ["role"] = role,
                ["jti"] = Guid.NewGuid().ToString("N"),
                ["sv"] = 0,
            },
        });
    }

    /// <summary>Expired well beyond the 30 s clock skew.</summary>
    public static string Expired(string signingKey, string role) =>
        Mint(signingKey, role, TimeSpan.FromMinutes(15), DateTimeOffset.UtcNow.AddMinutes(-20));
}
