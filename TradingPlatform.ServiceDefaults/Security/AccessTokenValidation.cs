using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace TradingPlatform.ServiceDefaults.Security;

/// <summary>
/// What one of the platform's access tokens must be, in every service that accepts them (the Api, which issues them,
/// and the Worker's dashboard): HS256 with the shared key, the Api's issuer and audience, unexpired by the injected
/// clock with the configured skew, the user id in <c>sub</c> and the role in <c>role</c>. One definition, so that a
/// token valid in one service is valid in the others and a forged or expired one nowhere.
/// </summary>
public static class AccessTokenValidation
{
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";

    /// <param name="signingKey">The key's bytes; null validates nothing (a service started without the key).</param>
    /// <param name="eventsType">The service's <see cref="JwtBearerEvents"/> (how it reads the token, what it adds to a refusal).</param>
    public static void Configure(
        JwtBearerOptions options, string issuer, string audience, byte[]? signingKey, TimeSpan clockSkew, TimeProvider time, Type eventsType)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.MapInboundClaims = false;
        options.EventsType = eventsType;
        options.TimeProvider = time;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            IssuerSigningKey = signingKey is null ? null : new SymmetricSecurityKey(signingKey),
            // Without the pin a token could choose its algorithm (RFC 8725 §3.1): none, or RS256 with our key as "public key".
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateIssuerSigningKey = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = clockSkew,
            NameClaimType = SubjectClaim,
            RoleClaimType = RoleClaim,
            // The injected clock, not DateTime.UtcNow, so that expiry is testable with a fake TimeProvider.
            LifetimeValidator = (notBefore, expires, _, parameters) => ValidateLifetime(time, notBefore, expires, parameters.ClockSkew),
        };
    }

    private static bool ValidateLifetime(TimeProvider time, DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            return false;
        }

        if (expires.Value + skew < now)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }

        if (notBefore is { } nbf && nbf - skew > now)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = nbf };
        }

        return true;
    }
}
