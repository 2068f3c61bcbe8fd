using System.ComponentModel.DataAnnotations;
using System.Text;

namespace TradingPlatform.ServiceDefaults.Security;

/// <summary>
/// The <c>Jwt</c> section as a service that accepts the Api's access tokens but never issues any reads it (the Worker's
/// dashboard, the AiService's endpoints): the same keys as the Api's, whose AppHost passes the <c>jwt-signing-key</c>
/// parameter to each as <c>Jwt__SigningKey</c>.
/// </summary>
/// <remarks>
/// Unlike the Api, such a service starts without a key: its jobs do not need one. Its endpoints then refuse every
/// request (401), and it logs a warning at start-up. A key that is set must be at least 32 bytes.
/// </remarks>
public sealed class AccessTokenOptions : IValidatableObject
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
