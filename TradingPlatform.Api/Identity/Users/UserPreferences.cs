namespace TradingPlatform.Api.Identity.Users;

/// <summary>Seed 001's <c>preferences</c>, stored as one JSON column of the user's row.</summary>
public sealed class UserPreferences
{
    public string Language { get; set; } = "en";

    public string Timezone { get; set; } = "UTC";

    /// <summary><c>light</c> or <c>dark</c>.</summary>
    public string Theme { get; set; } = "light";

    public bool Notifications { get; set; } = true;
}
