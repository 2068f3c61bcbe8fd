using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Identity.ApiKeys;

/// <summary><c>POST /api/api-keys</c>: a name to recognise the key by, its scopes, and optionally when it expires.</summary>
public sealed record CreateApiKeyRequest : IValidatableObject
{
    public const int MaxNameLength = 100;

    [Required, StringLength(MaxNameLength, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>A non-empty subset of read, trade, backtest.</summary>
    [Required]
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>In the future and within <see cref="ApiKeyOptions.MaxLifetimeDays"/>; null for a key that does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Name is not null && string.IsNullOrWhiteSpace(Name))
        {
            yield return new ValidationResult("The name must not be blank.", [nameof(Name)]);
        }

        if (Scopes is null)
        {
            yield break;
        }

        if (Scopes.Count == 0)
        {
            yield return new ValidationResult($"Give at least one scope of: {string.Join(", ", ApiKeyScopes.All)}.", [nameof(Scopes)]);
        }
        else if (Scopes.Where(s => !ApiKeyScopes.IsKnown(s)).ToList() is { Count: > 0 } unknown)
        {
            yield return new ValidationResult(
                $"Unknown scope(s): {string.Join(", ", unknown.Select(s => $"'{s}'"))}. Known: {string.Join(", ", ApiKeyScopes.All)}.", [nameof(Scopes)]);
        }
    }
}
