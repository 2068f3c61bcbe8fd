using System.ComponentModel.DataAnnotations;
using TradingPlatform.Api.Identity.Passwords;

namespace TradingPlatform.Api.Identity.Users;

public sealed record ChangePasswordRequest
{
    [Required, StringLength(StrongPasswordAttribute.MaxLength)]
    public string CurrentPassword { get; init; } = "";

    [Required, StrongPassword]
    public string NewPassword { get; init; } = "";
}
