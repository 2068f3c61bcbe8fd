namespace TradingPlatform.Api.Infrastructure.RateLimiting;

/// <summary>Marks an endpoint (login, refresh) for the tighter per-IP authentication limit.</summary>
public sealed class AuthRateLimitMetadata;
