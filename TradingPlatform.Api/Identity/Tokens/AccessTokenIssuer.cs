using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Identity.Tokens;

/// <summary>Mints the short-lived HS256 access tokens; the only place that signs.</summary>
public sealed class AccessTokenIssuer(IOptions<JwtOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials =
        new(new SymmetricSecurityKey(options.Value.SigningKeyBytes), SecurityAlgorithms.HmacSha256);

    public IssuedAccessToken Issue(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var settings = options.Value;
        var now = time.GetUtcNow();
        var expires = now + settings.AccessTokenLifetime;
        var tokenId = Guid.NewGuid().ToString("N");
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>
            {
                [TokenClaims.Subject] = user.Id.ToString(),
                [TokenClaims.Email] = user.Email,
                [TokenClaims.Role] = user.Role,
                [TokenClaims.TokenId] = tokenId,
                [TokenClaims.SessionVersion] = user.SessionVersion,
            },
        });
        return new IssuedAccessToken(token, tokenId, expires);
    }
}
