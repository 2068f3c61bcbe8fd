using System.ComponentModel.DataAnnotations;
using TradingPlatform.Trading.Optimization;

namespace TradingPlatform.Api.Optimizations;

/// <summary>The <c>Optimizations</c> section.</summary>
public sealed class OptimizationOptions
{
    public const string Section = "Optimizations";

    /// <summary>The largest grid a sweep may expand to (combinations, valid or not).</summary>
    [Range(1, 1_000_000)]
    public int MaxCombinations { get; set; } = ParameterGrid.DefaultMaxCombinations;

    /// <summary>The most bar evaluations (bars × combinations) one sweep may ask for: ten thousand combinations over a year of 1-minute bars.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxBarEvaluations { get; set; } = 5_300_000_000;

    /// <summary>Sweeps and walk-forwards a user may have queued or running at once.</summary>
    [Range(1, 100)]
    public int MaxActivePerUser { get; set; } = 3;
}
