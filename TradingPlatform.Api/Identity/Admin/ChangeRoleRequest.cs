using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Identity.Admin;

public sealed record ChangeRoleRequest
{
    [Required, RegularExpression("^(admin|trader|viewer)$", ErrorMessage = "The role is admin, trader or viewer.")]
    public string Role { get; init; } = "";
}
