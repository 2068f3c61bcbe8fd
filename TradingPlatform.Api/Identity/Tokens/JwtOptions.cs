using System.ComponentModel.DataAnnotations;
using System.Text;

namespace TradingPlatform.Api.Identity.Tokens;

/// <summary>The <c>Jwt</c> section. The signing key comes from the AppHost parameter (<c>Jwt__SigningKey</c>), never from source.</summary>
public sealed class JwtOptions : IValidatableObject
{
    public const string Section = "Jwt";

    /// <summary>HMAC-SHA256 key, used as its UTF-8 bytes; at least 32 bytes (the hash's size, RFC 7518 §3.2).</summary>
    [Required]
    public string SigningKey { get; set; } = "";

    [Required]
    public string Issuer { get; set; } = "tradingplatform-api";

    [Required]
    public string Audience { get; set; } = "tradingplatform";

    [Range(1, 24 * 60)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 7;

    /// <summary>A "remember me" login keeps its session this long without a new password.</summary>
    [Range(1, 365)]
    public int RememberMeRefreshTokenDays { get; set; } = 30;

    [Range(0, 30)]
    public int ClockSkewSeconds { get; set; } = 30;

    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(AccessTokenMinutes);

    public TimeSpan ClockSkew => TimeSpan.FromSeconds(ClockSkewSeconds);

    public byte[] SigningKeyBytes => Encoding.UTF8.GetBytes(SigningKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Encoding.UTF8.GetByteCount(SigningKey) < 32)
        {
            yield return new ValidationResult(
                "Jwt:SigningKey must be at least 32 bytes; the AppHost passes its jwt-signing-key parameter as Jwt__SigningKey.",
                [nameof(SigningKey)]);
        }
    }
}
