namespace TradingPlatform.Api.Identity.TwoFactor;

/// <summary>The base32 secret (to type in) and the otpauth:// URI (to show as a QR code).</summary>
public sealed record TwoFactorEnrollmentResponse(string Secret, string OtpauthUri);
