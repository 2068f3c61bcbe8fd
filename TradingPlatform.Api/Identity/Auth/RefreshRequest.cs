using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Identity.Auth;

public sealed record RefreshRequest
{
    [Required, StringLength(256)]
    public string RefreshToken { get; init; } = "";
}
