using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Accounts;

/// <summary>A deposit or withdrawal.</summary>
public sealed record TransferRequest
{
    [Required]
    [Range(typeof(decimal), "0.01", "1000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal? Amount { get; init; }

    [StringLength(200)]
    public string? Description { get; init; }
}
