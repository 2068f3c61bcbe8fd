using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Accounts;

/// <summary>Seed 004's account creation, in camelCase.</summary>
public sealed record CreateAccountRequest
{
    [Required, StringLength(100, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>Cash to start with (default 100,000 USD), deposited through the ledger.</summary>
    [Range(typeof(decimal), "0", "1000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal? InitialBalance { get; init; }

    public bool? IsDemo { get; init; }

    [Range(1, 100)]
    public int? MaxLeverage { get; init; }

    [Range(typeof(decimal), "0.01", "1000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal? MaxDailyLoss { get; init; }
}
