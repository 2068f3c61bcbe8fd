using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace TradingPlatform.Worker.Dashboard;

/// <summary>
/// What an access token must be, exactly as the Api checks it (TradingPlatform.Api's JwtBearerOptionsSetup): HS256 with
/// the shared key, the Api's issuer and audience, unexpired by the injected clock with the same skew, the role in the
/// <c>role</c> claim. Not checked here: the Api's Redis deny list of logged-out tokens and its session versions, so a
/// token that was logged out stays valid on the dashboard until it expires (15 minutes at most).
/// </summary>
internal sealed class DashboardJwtBearerOptionsSetup(IOptions<JwtOptions> jwt, TimeProvider time) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name == JwtBearerDefaults.AuthenticationScheme)
        {
            Configure(options);
        }
    }

    public void Configure(JwtBearerOptions options)
    {
        var settings = jwt.Value;
        options.MapInboundClaims = false;
        options.EventsType = typeof(DashboardTokenEvents);
        options.TimeProvider = time;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            // Without a key nothing validates: the dashboard stays closed (DashboardTokenEvents says why).
            IssuerSigningKey = settings.HasSigningKey ? new SymmetricSecurityKey(settings.SigningKeyBytes) : null,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateIssuerSigningKey = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = settings.ClockSkew,
            NameClaimType = DashboardAccess.SubjectClaim,
            RoleClaimType = DashboardAccess.RoleClaim,
            LifetimeValidator = (notBefore, expires, _, parameters) => ValidateLifetime(notBefore, expires, parameters.ClockSkew),
        };
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
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
