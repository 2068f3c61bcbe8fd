namespace TradingPlatform.Api.Identity.TwoFactor;

public sealed record TwoFactorStatusResponse(bool TwoFactorEnabled);
