using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Optimizations;

/// <summary>Combinations that break a constraint rank after every one that keeps them.</summary>
public sealed record SweepConstraintsRequest
{
    /// <summary>The largest acceptable max drawdown, a fraction (0.25 = 25 %).</summary>
    [Range(0d, 10d, ErrorMessage = "maxDrawdown is a fraction between 0 and 10 (0.25 = 25 %).")]
    public double? MaxDrawdown { get; init; }

    [Range(0, 1_000_000, ErrorMessage = "minTrades is between 0 and 1,000,000.")]
    public int? MinTrades { get; init; }
}
