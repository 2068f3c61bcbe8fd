using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Accounts;

/// <summary>An administrator's correction: a signed amount (positive credits the account) and why.</summary>
public sealed record AdjustmentRequest
{
    [Required]
    [Range(typeof(decimal), "-1000000000", "1000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal? Amount { get; init; }

    [Required, StringLength(200, MinimumLength = 3)]
    public string? Reason { get; init; }
}
