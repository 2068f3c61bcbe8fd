using Microsoft.AspNetCore.DataProtection;
using OtpNet;
using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Identity.TwoFactor;

/// <summary>
/// TOTP (RFC 6238: SHA-1, 6 digits, 30 s, as every authenticator app expects). The secret is stored encrypted with Data
/// Protection, whose keys live in the database so that every Api replica can read it.
/// </summary>
public sealed class TwoFactorService(IDataProtectionProvider protection, TimeProvider time)
{
    public const string Issuer = "TradingPlatform";
    private const int SecretBytes = 20; // 160 bits, RFC 4226 §4's recommendation

    private readonly IDataProtector _protector = protection.CreateProtector("TradingPlatform.Identity.TwoFactorSecret.v1");

    /// <summary>Stores a new (encrypted) secret on the user, not yet enabled, and returns it with its otpauth:// URI.</summary>
    public TwoFactorEnrollmentResponse StartEnrollment(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(SecretBytes));
        user.TwoFactorSecret = _protector.Protect(secret);
        user.TwoFactorLastStep = null;
        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={secret}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";
        return new TwoFactorEnrollmentResponse(secret, uri);
    }

    /// <summary>
    /// Accepts the code of the current 30 s step or its neighbours (clock drift), once: a code seen before, or one of an
    /// earlier step than the last accepted, is refused so that an observed code cannot be replayed.
    /// </summary>
    public bool TryVerify(User user, string code)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.TwoFactorSecret is null || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(_protector.Unprotect(user.TwoFactorSecret)));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, VerificationWindow.RfcSpecifiedNetworkDelay)
            || step <= (user.TwoFactorLastStep ?? long.MinValue))
        {
            return false;
        }

        user.TwoFactorLastStep = step;
        return true;
    }
}
