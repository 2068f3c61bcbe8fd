using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.Worker.Dashboard;

/// <summary>
/// The Api's access tokens as every service validates them (<see cref="AccessTokenValidation"/>); without a key nothing
/// validates and the dashboard stays closed (<see cref="DashboardTokenEvents"/> says why). Not checked here: the Api's
/// Redis deny list of logged-out tokens and its session versions, so a token that was logged out stays valid on the
/// dashboard until it expires (15 minutes at most).
/// </summary>
internal sealed class DashboardJwtBearerOptionsSetup(IOptions<AccessTokenOptions> jwt, TimeProvider time) : IConfigureNamedOptions<JwtBearerOptions>
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
            settings.ClockSkew, time, typeof(DashboardTokenEvents));
    }
}
