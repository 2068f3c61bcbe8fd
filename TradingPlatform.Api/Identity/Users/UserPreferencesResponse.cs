namespace TradingPlatform.Api.Identity.Users;

public sealed record UserPreferencesResponse(string Language, string Timezone, string Theme, bool Notifications);
