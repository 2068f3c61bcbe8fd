namespace TradingPlatform.Api.Infrastructure.RateLimiting;

public static class RateLimitingEndpointExtensions
{
    /// <summary>Applies the tighter per-IP limit of login and refresh on top of the general one.</summary>
    public static TBuilder RequireAuthRateLimit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuthRateLimitMetadata());
}
