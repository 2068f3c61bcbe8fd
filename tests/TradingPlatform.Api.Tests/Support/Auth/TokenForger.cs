using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TradingPlatform.Api.Tests.Support.Auth;

/// <summary>
/// Builds access tokens outside the Api, correct in every respect (claims, key, issuer, audience, lifetime) unless a
/// test changes one, so that a refusal can only be due to that change.
/// </summary>
public static class TokenForger
{
    public const string Issuer = "tradingplatform-api";
    public const string Audience = "tradingplatform";

    public static string Forge(
        TestUser user,
        SigningCredentials credentials,
        DateTimeOffset now,
        string issuer = Issuer,
        string audience = Audience,
        TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + (lifetime ?? TimeSpan.FromMinutes(15))).UtcDateTime,
            SigningCredentials = credentials,
            Claims = Claims(user),
        });
    }

    public static SigningCredentials Hmac(string key, string algorithm = SecurityAlgorithms.HmacSha256) =>
        new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), algorithm);

    public static SigningCredentials Rsa() => new(new RsaSecurityKey(RSA.Create(2048)), SecurityAlgorithms.RsaSha256);

    /// <summary>An unsigned token (<c>alg: none</c>), header.payload. with an empty signature.</summary>
    public static string Unsigned(TestUser user, DateTimeOffset now)
    {
        var header = new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT" };
        var payload = new Dictionary<string, object>(Claims(user))
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(15).ToUnixTimeSeconds(),
        };
        return $"{Encode(header)}.{Encode(payload)}.";
    }

    /// <summary>The same token with one signature byte changed.</summary>
    public static string Tamper(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        var signature = Base64Url.DecodeFromChars(parts[2]);
        signature[0] ^= 0x01;
        return $"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(signature)}";
    }

    private static Dictionary<string, object> Claims(TestUser user) => new()
    {
        ["sub"] = user.Id.ToString(),
        ["email"] = user.Email,
        ["role"] = user.Role,
        ["jti"] = Guid.NewGuid().ToString("N"),
        ["sv"] = 0,
    };

    private static string Encode(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
}
