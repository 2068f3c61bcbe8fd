using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Api.Orders;

/// <summary>Seed 001's PUT: the new quantity, price or stop price of a working order, and its attached bracket.</summary>
public sealed record ModifyOrderRequest
{
    public decimal? Quantity { get; init; }

    public decimal? Price { get; init; }

    public decimal? StopPrice { get; init; }

    public decimal? StopLoss { get; init; }

    public decimal? TakeProfit { get; init; }

    public OrderModification ToDomain() => new()
    {
        Quantity = Quantity, Price = Price, StopPrice = StopPrice, StopLoss = StopLoss, TakeProfit = TakeProfit,
    };
}
