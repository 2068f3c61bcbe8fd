using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TradingPlatform.Worker.Tests.Support;

/// <summary>
/// Access tokens shaped exactly like the Api's (HS256, its issuer, audience and claims), correct in every respect unless
/// a test changes one, so that a refusal can only be due to that change.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "tradingplatform-api";
    public const string Audience = "tradingplatform";

    public static string Mint(string signingKey, string role, TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null)
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
                ["sub"] = Guid.NewGuid().ToString(),
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
