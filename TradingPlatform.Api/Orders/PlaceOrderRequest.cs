using System.ComponentModel.DataAnnotations;
using TradingPlatform.Api.Trading;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Orders;

/// <summary>
/// Seed 001's order fields (symbol, type, side, quantity, price, stopPrice, timeInForce, clientOrderId) plus leverage,
/// an attached stop-loss and take-profit, and a trailing stop's trail (an amount or a percent).
/// </summary>
public sealed record PlaceOrderRequest
{
    [Required, StringLength(32, MinimumLength = 1)]
    public string? Symbol { get; init; }

    /// <summary>market, limit, stop, stop_limit or trailing_stop.</summary>
    [Required]
    public string? Type { get; init; }

    /// <summary>buy or sell.</summary>
    [Required]
    public string? Side { get; init; }

    [Required]
    public decimal? Quantity { get; init; }

    public decimal? Price { get; init; }

    public decimal? StopPrice { get; init; }

    /// <summary>GTC (default), IOC, FOK or DAY.</summary>
    public string? TimeInForce { get; init; }

    [StringLength(TradingPlatform.Trading.Orders.ClientOrderId.MaxLength, MinimumLength = 1)]
    [RegularExpression("^[A-Za-z0-9_.:-]+$", ErrorMessage = "clientOrderId may hold letters, digits and - _ . : only.")]
    public string? ClientOrderId { get; init; }

    [Range(1, 100)]
    public int? Leverage { get; init; }

    public decimal? StopLoss { get; init; }

    public decimal? TakeProfit { get; init; }

    public decimal? TrailAmount { get; init; }

    public decimal? TrailPercent { get; init; }

    public Guid? StrategyId { get; init; }

    public OrderRequest ToDomain() => new()
    {
        Symbol = TradingPlatform.Trading.Instruments.Symbol.Normalize(Symbol!),
        Type = ApiNames.Parse<OrderType>(Type, "type"),
        Side = ApiNames.Parse<OrderSide>(Side, "side"),
        Quantity = Quantity!.Value,
        Price = Price,
        StopPrice = StopPrice,
        TimeInForce = TimeInForce is null ? TradingPlatform.Trading.Orders.TimeInForce.Gtc : ApiNames.Parse<TimeInForce>(TimeInForce, "timeInForce"),
        ClientOrderId = ClientOrderId is null ? null : TradingPlatform.Trading.Orders.ClientOrderId.Parse(ClientOrderId),
        Leverage = Leverage,
        StopLoss = StopLoss,
        TakeProfit = TakeProfit,
        TrailAmount = TrailAmount,
        TrailPercent = TrailPercent,
        StrategyId = StrategyId is { } id ? new StrategyId(id) : null,
    };
}
