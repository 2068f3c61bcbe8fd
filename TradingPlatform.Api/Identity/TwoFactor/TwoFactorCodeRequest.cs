using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Identity.TwoFactor;

public sealed record TwoFactorCodeRequest
{
    [Required, RegularExpression("^[0-9]{6}$", ErrorMessage = "The code is the six digits the authenticator app shows.")]
    public string Code { get; init; } = "";
}
