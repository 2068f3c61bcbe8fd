using Microsoft.AspNetCore.Authorization;

namespace TradingPlatform.Api.Infrastructure.OpenApi;

/// <summary>Whether an endpoint's metadata demands an authenticated caller, read as the authorization middleware reads it.</summary>
internal static class EndpointSecurity
{
    /// <summary>
    /// True when the endpoint carries an authorize attribute or policy (<c>RequireAuthorization</c>, on itself or on a
    /// group) and no <see cref="IAllowAnonymous"/>; the middleware lets anonymous callers through whenever that is present.
    /// </summary>
    public static bool RequiresAuthorization(IList<object> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var protectedByMetadata = metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any();
        return protectedByMetadata && !metadata.OfType<IAllowAnonymous>().Any();
    }
}
