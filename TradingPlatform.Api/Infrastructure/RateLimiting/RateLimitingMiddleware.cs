using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace TradingPlatform.Api.Infrastructure.RateLimiting;

/// <summary>
/// 100 requests per minute per user (per IP when anonymous), and the tighter per-IP limit on endpoints marked with
/// <see cref="AuthRateLimitMetadata"/>. Runs after authentication so it knows the user. Health probes are not counted;
/// the MCP endpoint is, per user, like the API (an agent's key counts against its user).
/// </summary>
public sealed class RateLimitingMiddleware(RequestDelegate next, RedisRateLimitCounter counter, IOptionsMonitor<RateLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.CurrentValue;
        if (!settings.Enabled || !(context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/mcp")))
        {
            await next(context);
            return;
        }

        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var user = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.FindFirstValue("sub");
        var decision = user is not null
            ? await counter.HitAsync($"user:{user}", settings.PerUser, settings.Window)
            : await counter.HitAsync($"ip:{ip}", settings.PerIp, settings.Window);
        if (!decision.Allowed)
        {
            await RateLimitExceeded.WriteAsync(context, decision, "requests");
            return;
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<AuthRateLimitMetadata>() is not null)
        {
            var auth = await counter.HitAsync($"auth-ip:{ip}", settings.AuthPerIp, settings.Window);
            if (!auth.Allowed)
            {
                await RateLimitExceeded.WriteAsync(context, auth, "authentication attempts from this address");
                return;
            }
        }

        await next(context);
    }
}
