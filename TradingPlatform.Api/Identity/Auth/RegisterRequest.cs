using System.ComponentModel.DataAnnotations;
using TradingPlatform.Api.Identity.Passwords;
using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Identity.Auth;

/// <summary>Sign-up (seed 004). There is no role: everyone who signs up is a trader; admins change roles.</summary>
public sealed record RegisterRequest
{
    [Required, EmailAddressStrict]
    public string Email { get; init; } = "";

    [Required, StrongPassword]
    public string Password { get; init; } = "";

    /// <summary>Defaults to the email's local part.</summary>
    [StringLength(100, MinimumLength = 1)]
    public string? Name { get; init; }

    [StringLength(100)]
    public string? DisplayName { get; init; }
}
