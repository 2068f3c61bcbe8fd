using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Identity.Passwords;

/// <summary>The <c>AccountSecurity</c> section: password hashing cost and lockout.</summary>
public sealed class AccountSecurityOptions
{
    public const string Section = "AccountSecurity";

    /// <summary>
    /// PBKDF2-HMAC-SHA512 iterations (ASP.NET Core Identity's V3 format). 100,000 is Identity's default, half of
    /// OWASP's 210,000 for SHA-512 and ten times NIST's floor: about 0.1 s of one core here. Seed 001's "login p99 under
    /// 200 ms at 32 concurrent clients" cannot hold on 2 cores at any sane cost (32 queued hashes of h ms take 16·h ms,
    /// so h would have to be ~10 ms, i.e. ~10,000 iterations, and even then bench/TradingPlatform.Bench.Auth measured
    /// p99 ≈ 640 ms with PostgreSQL and Redis on the same cores), so the cost is chosen for the stored hashes'
    /// resistance to offline guessing, and login throughput scales with replicas. Lower it only for tests.
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
