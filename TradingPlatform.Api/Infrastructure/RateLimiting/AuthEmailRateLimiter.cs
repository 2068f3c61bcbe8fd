using Microsoft.Extensions.Options;

namespace TradingPlatform.Api.Infrastructure.RateLimiting;

/// <summary>
/// Limits login attempts per email address across every IP and replica, so a password cannot be guessed from many
/// addresses at once. Call it before checking the password.
/// </summary>
public sealed class AuthEmailRateLimiter(RedisRateLimitCounter counter, IOptions<RateLimitOptions> options)
{
    public async Task EnsureAllowedAsync(string email)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var decision = await counter.HitAsync($"auth-email:{email.Trim().ToUpperInvariant()}", settings.AuthPerEmail, settings.Window);
        if (!decision.Allowed)
        {
            // The exception carries Retry-After: the exception handler clears headers set before it runs.
            throw RateLimitExceeded.Exception(decision, "login attempts for this account");
        }
    }
}
