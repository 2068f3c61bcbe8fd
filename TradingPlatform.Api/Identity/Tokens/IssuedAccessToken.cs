namespace TradingPlatform.Api.Identity.Tokens;

public sealed record IssuedAccessToken(string Token, string TokenId, DateTimeOffset ExpiresAt);
