using System.ComponentModel.DataAnnotations;
using TradingPlatform.Api.Identity.Passwords;

namespace TradingPlatform.Api.Identity.Auth;

public sealed record LoginRequest
{
    [Required, StringLength(254)]
    public string Email { get; init; } = "";

    // Only the length: a password set before a stricter rule must still log in.
    [Required, StringLength(StrongPasswordAttribute.MaxLength)]
    public string Password { get; init; } = "";

    /// <summary>A 30-day refresh token instead of 7 days.</summary>
    public bool RememberMe { get; init; }

    /// <summary>The current TOTP code, when two-factor authentication is on.</summary>
    [StringLength(10)]
    public string? TwoFactorCode { get; init; }
}
