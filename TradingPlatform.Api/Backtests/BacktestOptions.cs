using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Backtests;

/// <summary>The <c>Backtests</c> section: limits that keep one request from occupying the Worker for hours.</summary>
public sealed class BacktestOptions
{
    public const string Section = "Backtests";

    /// <summary>The most bars (all symbols together) one backtest may replay: five years of one-minute bars of two symbols.</summary>
    [Range(1, 100_000_000)]
    public long MaxBars { get; set; } = 5_300_000;

    /// <summary>Backtests a user may have queued or running at once.</summary>
    [Range(1, 1000)]
    public int MaxActivePerUser { get; set; } = 10;
}
