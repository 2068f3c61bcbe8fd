using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.Worker.Analysis.Review;

/// <summary>
/// Mints the short-lived access token the Worker calls the AiService with on a user's behalf: shaped as the Api's
/// (HS256 with the shared <c>Jwt:SigningKey</c>, its issuer, audience, <c>sub</c> and <c>role</c>), valid for
/// <see cref="Lifetime"/>, so that the AiService checks and scopes the call exactly as a request of that user's.
/// </summary>
internal sealed class AnalysisAccessTokens(IOptions<AccessTokenOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <exception cref="ConfigReviewException">The Worker has no signing key.</exception>
    public string Mint(Guid userId)
    {
        var settings = options.Value;
        if (!settings.HasSigningKey)
        {
            throw new ConfigReviewException("The Worker has no Jwt:SigningKey to call the AiService with.");
        }

        var now = time.GetUtcNow();
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(settings.SigningKeyBytes), SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [AccessTokenValidation.SubjectClaim] = userId.ToString(),
                [AccessTokenValidation.RoleClaim] = "trader",
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
        });
    }
}
