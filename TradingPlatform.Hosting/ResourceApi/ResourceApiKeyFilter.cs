using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using TradingPlatform.Hosting.Dashboard;

namespace TradingPlatform.Hosting.ResourceApi;

/// <summary>
/// Lets a request through only with <c>Authorization: Bearer &lt;DashboardSettings.ResourceApiKey&gt;</c>. The keys are
/// compared as SHA-256 digests in constant time, so neither their content nor their length shows in the timing.
/// </summary>
internal sealed class ResourceApiKeyFilter : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.RequestServices.GetService<DashboardSettings>() is not { } settings)
        {
            return ResourceApiErrors.Problem(http, StatusCodes.Status503ServiceUnavailable, ResourceApiErrors.ServiceUnavailable,
                "The resource API is not configured on this host (no DashboardSettings).");
        }

        string header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || !KeyMatches(header[Scheme.Length..].Trim(), settings.ResourceApiKey))
        {
            http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            return ResourceApiErrors.Problem(http, StatusCodes.Status401Unauthorized, ResourceApiErrors.Authentication,
                "A valid resource API key is required: send Authorization: Bearer <key>.");
        }

        return await next(context);
    }

    private static bool KeyMatches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
