namespace TradingPlatform.Trading.Orders;

/// <summary>Changes to a working order (seed 001's PUT: quantity, price, stopPrice; plus the attached bracket).</summary>
public sealed record OrderModification
{
    public decimal? Quantity { get; init; }

    public decimal? Price { get; init; }

    public decimal? StopPrice { get; init; }

    public decimal? StopLoss { get; init; }

    public decimal? TakeProfit { get; init; }
}
