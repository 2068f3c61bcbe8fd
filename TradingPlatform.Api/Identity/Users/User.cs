namespace TradingPlatform.Api.Identity.Users;

/// <summary>A person who signs in (seed 001 User plus seed 000 HIGH-02's fields).</summary>
public sealed class User
{
    public UserId Id { get; init; } = UserId.New();

    /// <summary>As the user typed it, for display and mail.</summary>
    public required string Email { get; set; }

    /// <summary>Upper-cased invariant form: the unique, case-insensitive key that login looks up.</summary>
    public required string NormalizedEmail { get; set; }

    public required string Name { get; set; }

    public string? DisplayName { get; set; }

    public string? AvatarUrl { get; set; }

    public required string Role { get; set; }

    public UserPreferences Preferences { get; set; } = new();

    public required string PasswordHash { get; set; }

    public bool TwoFactorEnabled { get; set; }

    /// <summary>The TOTP secret, encrypted with Data Protection; set at enrolment, kept while 2FA is on.</summary>
    public string? TwoFactorSecret { get; set; }

    /// <summary>The last TOTP time step accepted, so that a code cannot be replayed within its window.</summary>
    public long? TwoFactorLastStep { get; set; }

    public int FailedLoginCount { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>In every access token; bumping it kills every access token issued before.</summary>
    public int SessionVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;

    /// <summary>Counts a failed attempt; returns true when this attempt locks the account.</summary>
    public bool RecordFailedLogin(DateTimeOffset now, int maxAttempts, TimeSpan lockout)
    {
        FailedLoginCount++;
        UpdatedAt = now;
        if (FailedLoginCount < maxAttempts)
        {
            return false;
        }

        FailedLoginCount = 0;
        LockoutEnd = now + lockout;
        return true;
    }

    public void RecordSuccessfulLogin(DateTimeOffset now)
    {
        FailedLoginCount = 0;
        LockoutEnd = null;
        LastLoginAt = now;
        UpdatedAt = now;
    }

    /// <summary>Every access token issued so far stops working at its next request.</summary>
    public void EndAllSessions(DateTimeOffset now)
    {
        SessionVersion++;
        UpdatedAt = now;
    }
}
