using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Trading.Orders;

/// <summary>
/// An order and its execution state. Its status changes only through <see cref="MoveTo"/>, which enforces
/// <see cref="OrderStatusTransitions"/> and records the history.
/// </summary>
public sealed class Order
{
    private readonly List<OrderStatusChange> _history = [];

    public required OrderId Id { get; init; }

    public required AccountId AccountId { get; init; }

    public required string Symbol { get; init; }

    public required OrderType Type { get; init; }

    public required OrderSide Side { get; init; }

    public required decimal Quantity { get; set; }

    /// <summary>The limit price (limit and stop-limit orders).</summary>
    public decimal? Price { get; set; }

    /// <summary>The trigger price (stop and stop-limit orders; the current trigger of a trailing stop).</summary>
    public decimal? StopPrice { get; set; }

    public decimal? TrailAmount { get; set; }

    public decimal? TrailPercent { get; set; }

    /// <summary>The best price seen since placement, from which a trailing stop trails.</summary>
    public decimal? TrailAnchor { get; set; }

    public required TimeInForce TimeInForce { get; init; }

    public ClientOrderId? ClientOrderId { get; init; }

    /// <summary>A fingerprint of the request, to tell a retry (same) from a conflicting reuse of a client order id.</summary>
    public string? RequestFingerprint { get; init; }

    public required int Leverage { get; init; }

    /// <summary>Attached stop-loss: set on the position this order opens or adds to.</summary>
    public decimal? StopLoss { get; set; }

    /// <summary>Attached take-profit: set on the position this order opens or adds to.</summary>
    public decimal? TakeProfit { get; set; }

    public OrderOrigin Origin { get; init; } = OrderOrigin.Client;

    /// <summary>Set by the platform's closing orders: they only reduce that position.</summary>
    public Positions.PositionId? ClosesPositionId { get; init; }

    public StrategyId? StrategyId { get; init; }

    public OrderStatus Status { get; private set; } = OrderStatus.Pending;

    public string? StatusReason { get; private set; }

    public decimal FilledQuantity { get; private set; }

    public decimal? AveragePrice { get; private set; }

    public decimal Commission { get; private set; }

    /// <summary>Stop and stop-limit orders become active (market or limit) once triggered.</summary>
    public bool Triggered { get; set; }

    /// <summary>When a DAY order expires (the end of the instrument's session).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FilledAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public IReadOnlyList<OrderStatusChange> History => _history;

    public decimal RemainingQuantity => Quantity - FilledQuantity;

    public bool IsWorking => OrderStatusTransitions.IsWorking(Status);

    /// <summary>+1 for buys, −1 for sells.</summary>
    public int Direction => Side == OrderSide.Buy ? 1 : -1;

    public void MoveTo(OrderStatus status, DateTimeOffset at, string? reason = null)
    {
        if (!OrderStatusTransitions.CanMove(Status, status))
        {
            throw new InvalidOperationException($"Order {Id} cannot move from {Status} to {status}.");
        }

        _history.Add(new OrderStatusChange { OrderId = Id, From = Status, To = status, Reason = reason, At = at });
        Status = status;
        StatusReason = reason ?? StatusReason;
        UpdatedAt = at;
        if (status == OrderStatus.Filled)
        {
            FilledAt = at;
        }
        else if (status is OrderStatus.Cancelled or OrderStatus.Expired or OrderStatus.Rejected)
        {
            CancelledAt = at;
        }
    }

    /// <summary>Records a fill's quantity, price and fee and moves the status to partially filled or filled.</summary>
    public void ApplyFill(decimal quantity, decimal price, decimal commission, DateTimeOffset at)
    {
        if (quantity <= 0 || quantity > RemainingQuantity)
        {
            throw new InvalidOperationException($"Order {Id} cannot fill {quantity} with {RemainingQuantity} remaining.");
        }

        AveragePrice = ((AveragePrice ?? 0m) * FilledQuantity + price * quantity) / (FilledQuantity + quantity);
        FilledQuantity += quantity;
        Commission += commission;
        MoveTo(RemainingQuantity == 0 ? OrderStatus.Filled : OrderStatus.PartiallyFilled, at);
    }
}
