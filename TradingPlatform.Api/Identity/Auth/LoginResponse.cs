using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Identity.Auth;

/// <summary>Seed 001's login response; <c>expiresIn</c> is the access token's lifetime in seconds.</summary>
public sealed record LoginResponse(UserResponse User, string AccessToken, string RefreshToken, int ExpiresIn);
