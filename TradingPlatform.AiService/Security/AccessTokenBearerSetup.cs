using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.AiService.Security;

/// <summary>The Api's access tokens as every service validates them (<see cref="AccessTokenValidation"/>); without a key nothing validates.</summary>
internal sealed class AccessTokenBearerSetup(IOptions<AccessTokenOptions> jwt, TimeProvider time) : IConfigureNamedOptions<JwtBearerOptions>
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
        AccessTokenValidation.Configure(options, settings.Issuer, settings.Audience, settings.HasSigningKey ? settings.SigningKeyBytes : null,
            settings.ClockSkew, time, typeof(JwtBearerEvents));
    }
}
