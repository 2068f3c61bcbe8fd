using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace TradingPlatform.AppHost.ResourceApi;

/// <summary>
/// Lets a request through only with <c>Authorization: Bearer &lt;key&gt;</c>. The keys are
/// compared as SHA-256 digests in constant time, so neither their content nor their length shows in the timing.
/// </summary>
internal sealed class ResourceApiKeyFilter : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<ResourceApiSettings>();

        string header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || !KeyMatches(header[Scheme.Length..].Trim(), settings.Key))
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
