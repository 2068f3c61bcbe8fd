namespace TradingPlatform.Api.Identity.Users;

/// <summary>A user as the API shows it: seed 001's User plus HIGH-02's fields; never the hash or the TOTP secret.</summary>
public sealed record UserResponse(
    string Id,
    string Email,
    string Name,
    string? DisplayName,
    string? AvatarUrl,
    string Role,
    UserPreferencesResponse Preferences,
    bool TwoFactorEnabled,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastLoginAt)
{
    public static UserResponse From(User user) => new(
        user.Id.ToString(),
        user.Email,
        user.Name,
        user.DisplayName,
        user.AvatarUrl,
        user.Role,
        new UserPreferencesResponse(user.Preferences.Language, user.Preferences.Timezone, user.Preferences.Theme, user.Preferences.Notifications),
        user.TwoFactorEnabled,
        user.IsActive,
        user.CreatedAt,
        user.UpdatedAt,
        user.LastLoginAt);
}
