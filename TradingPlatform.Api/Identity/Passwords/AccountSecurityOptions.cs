using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Identity.Passwords;

/// <summary>The <c>AccountSecurity</c> section: password hashing cost and lockout.</summary>
public sealed class AccountSecurityOptions
{
    public const string Section = "AccountSecurity";

    /// <summary>
    /// PBKDF2-HMAC-SHA512 iterations (ASP.NET Core Identity's V3 format). 100,000 is Identity's default and about
    /// 0.1 s of one core here; see the report in bench/TradingPlatform.Bench.Auth for the trade-off against login latency.
    /// Hashes made with fewer iterations are upgraded at the next successful login.
    /// </summary>
    [Range(10_000, 10_000_000)]
    public int PasswordHashIterations { get; set; } = 100_000;

    /// <summary>Consecutive wrong passwords (or two-factor codes) that lock an account.</summary>
    [Range(1, 100)]
    public int MaxFailedLoginAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    public TimeSpan LockoutDuration => TimeSpan.FromMinutes(LockoutMinutes);
}
