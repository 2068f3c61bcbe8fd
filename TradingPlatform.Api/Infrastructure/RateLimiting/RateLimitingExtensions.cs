namespace TradingPlatform.Api.Infrastructure.RateLimiting;

public static class RateLimitingExtensions
{
    public static IHostApplicationBuilder AddRedisRateLimiting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimiting").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<RedisRateLimitCounter>();
        builder.Services.AddScoped<AuthEmailRateLimiter>();
        return builder;
    }

    /// <summary>Place after UseAuthentication (the limit is per user) and UseRouting (auth endpoints are marked).</summary>
    public static IApplicationBuilder UseRedisRateLimiting(this IApplicationBuilder app) => app.UseMiddleware<RateLimitingMiddleware>();
}
