using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace TradingPlatform.ServiceDefaults.Security;

/// <summary>
/// JWT bearer authentication for a service that accepts the Api's access tokens without issuing them: the validation
/// of <see cref="AccessTokenValidation"/> from <see cref="AccessTokenOptions"/> (without a key nothing validates), with
/// the service's own <typeparamref name="TEvents"/> (registered in the container).
/// </summary>
public sealed class AccessTokenBearerSetup<TEvents>(IOptions<AccessTokenOptions> jwt, TimeProvider time) : IConfigureNamedOptions<JwtBearerOptions>
    where TEvents : JwtBearerEvents
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
        ArgumentNullException.ThrowIfNull(options);
        var settings = jwt.Value;
        AccessTokenValidation.Configure(options, settings.Issuer, settings.Audience, settings.HasSigningKey ? settings.SigningKeyBytes : null,
            settings.ClockSkew, time, typeof(TEvents));
    }
}
