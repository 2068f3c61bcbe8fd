using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Trading;

/// <summary>Settings of the trading engine's background work (section <c>Trading</c>).</summary>
public sealed class TradingOptions
{
    public const string Section = "Trading";

    /// <summary>How often DAY orders are expired and futures funding is settled.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often each account's equity is recorded for the portfolio's performance.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan EquitySnapshotInterval { get; set; } = TimeSpan.FromHours(1);
}
