using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Market.History;

/// <summary>The <c>Market:History</c> section: synthetic 1-minute history generated on first start.</summary>
public sealed class MarketHistoryOptions
{
    public const string Section = "Market:History";

    /// <summary>Generate history for instruments that have none.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many days of history, ending at the moment of generation.</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 365;
}
