using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Identity.Users;

/// <summary>A partial update of the preferences: absent members keep their value.</summary>
public sealed record UpdatePreferencesRequest
{
    [StringLength(16, MinimumLength = 2)]
    public string? Language { get; init; }

    [StringLength(64, MinimumLength = 1)]
    public string? Timezone { get; init; }

    [RegularExpression("^(light|dark)$", ErrorMessage = "The theme is light or dark.")]
    public string? Theme { get; init; }

    public bool? Notifications { get; init; }
}
