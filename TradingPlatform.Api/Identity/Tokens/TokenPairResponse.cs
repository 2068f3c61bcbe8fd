namespace TradingPlatform.Api.Identity.Tokens;

/// <summary>Seed 001's refresh response; <c>expiresIn</c> is the access token's lifetime in seconds.</summary>
public sealed record TokenPairResponse(string AccessToken, string RefreshToken, int ExpiresIn);
