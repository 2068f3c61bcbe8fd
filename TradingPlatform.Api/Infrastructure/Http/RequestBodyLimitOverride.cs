namespace TradingPlatform.Api.Infrastructure.Http;

/// <summary>
/// A different body limit for the requests under <paramref name="Path"/> (an upload endpoint), registered as a
/// singleton by the feature that owns it. The body-limit middleware runs before routing, so it matches paths.
/// </summary>
public sealed record RequestBodyLimitOverride(PathString Path, long MaxRequestBodyBytes);
