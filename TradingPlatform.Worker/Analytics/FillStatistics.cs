namespace TradingPlatform.Worker.Analytics;

/// <summary>Fills of one account in one symbol on one UTC day: count, volume, notional, commission and realized P&amp;L.</summary>
public sealed class FillStatistics
{
    public Guid AccountId { get; init; }

    public string Symbol { get; init; } = "";

    public DateOnly Day { get; init; }

    public Guid UserId { get; init; }

    public int Fills { get; init; }

    public decimal Volume { get; init; }

    public decimal Notional { get; init; }

    public decimal Commission { get; init; }

    public decimal RealizedPnl { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
