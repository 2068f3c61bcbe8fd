using System.ComponentModel.DataAnnotations;
using System.Text;

namespace TradingPlatform.Worker.Dashboard;

/// <summary>
/// The <c>Jwt</c> section, the same keys as the Api's (the AppHost passes the <c>jwt-signing-key</c> parameter to both as
/// <c>Jwt__SigningKey</c>): the Worker validates the Api's access tokens for its dashboard. It never issues any.
/// </summary>
/// <remarks>
/// Unlike the Api, the Worker starts without a key: its jobs do not need one. The dashboard then refuses every request
/// (401, saying why), and the Worker logs a warning at start-up. A key that is set must be at least 32 bytes.
/// </remarks>
public sealed class JwtOptions : IValidatableObject
{
    public const string Section = "Jwt";

    /// <summary>The Api's HMAC-SHA256 key, as its UTF-8 bytes.</summary>
    public string SigningKey { get; set; } = "";

    [Required]
    public string Issuer { get; set; } = "tradingplatform-api";

    [Required]
    public string Audience { get; set; } = "tradingplatform";

    [Range(0, 30)]
    public int ClockSkewSeconds { get; set; } = 30;

    public bool HasSigningKey => SigningKey.Length > 0;

    public TimeSpan ClockSkew => TimeSpan.FromSeconds(ClockSkewSeconds);

    public byte[] SigningKeyBytes => Encoding.UTF8.GetBytes(SigningKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HasSigningKey && Encoding.UTF8.GetByteCount(SigningKey) < 32)
        {
            yield return new ValidationResult(
                "Jwt:SigningKey must be at least 32 bytes; the AppHost passes its jwt-signing-key parameter as Jwt__SigningKey.",
                [nameof(SigningKey)]);
        }
    }
}
