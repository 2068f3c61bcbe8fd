using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.Api.Identity.Tokens;

/// <summary>The Api's access tokens as every service validates them (<see cref="AccessTokenValidation"/>), with the Api's own events.</summary>
internal sealed class JwtBearerOptionsSetup(IOptions<JwtOptions> jwt, TimeProvider time) : IConfigureNamedOptions<JwtBearerOptions>
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
        AccessTokenValidation.Configure(options, settings.Issuer, settings.Audience, settings.SigningKeyBytes, settings.ClockSkew, time, typeof(AccessTokenEvents));
    }
}
