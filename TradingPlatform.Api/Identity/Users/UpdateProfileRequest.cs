using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Identity.Users;

/// <summary>
/// A partial profile update: absent members keep their value. Role, email, activation and 2FA are not here, and
/// unknown JSON members are ignored, so a <c>"role": "admin"</c> in the body changes nothing.
/// </summary>
public sealed record UpdateProfileRequest
{
    [StringLength(100, MinimumLength = 1)]
    public string? Name { get; init; }

    [StringLength(100)]
    public string? DisplayName { get; init; }

    [StringLength(2048), Url]
    public string? AvatarUrl { get; init; }

    public UpdatePreferencesRequest? Preferences { get; init; }

    public void ApplyTo(User user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.Name = Name?.Trim() ?? user.Name;
        user.DisplayName = DisplayName is null ? user.DisplayName : NullIfEmpty(DisplayName);
        user.AvatarUrl = AvatarUrl is null ? user.AvatarUrl : NullIfEmpty(AvatarUrl);
        if (Preferences is { } preferences)
        {
            // A new instance, so that EF Core sees the JSON column change.
            user.Preferences = new UserPreferences
            {
                Language = preferences.Language ?? user.Preferences.Language,
                Timezone = preferences.Timezone ?? user.Preferences.Timezone,
                Theme = preferences.Theme ?? user.Preferences.Theme,
                Notifications = preferences.Notifications ?? user.Preferences.Notifications,
            };
        }

        user.UpdatedAt = now;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
