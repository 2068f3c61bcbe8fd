namespace TradingPlatform.Api.Infrastructure.RateLimiting;

public readonly record struct RateLimitDecision(bool Allowed, long Count, TimeSpan RetryAfter);
