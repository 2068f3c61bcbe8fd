using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Trading.Orders;

/// <summary>
/// An order and its execution state, closed to change from outside: what is given at placement is set in the object
/// initialiser, and every later change (status, fill, modification, trigger, trail) goes through a method here that
/// asks <see cref="OrderStatusTransitions"/> whether the order's status allows it, and records the history.
/// </summary>
/// <remarks>
/// The members that change after placement keep their value in a field, which EF Core maps by convention
/// (<c>_quantity</c> for <see cref="Quantity"/>), so the database schema is the one of the open class.
/// </remarks>
public sealed class Order
{
    private readonly List<OrderStatusChange> _history = [];
    private decimal _quantity;
    private decimal? _price;
    private decimal? _stopPrice;
    private decimal? _stopLoss;
    private decimal? _takeProfit;
    private DateTimeOffset _updatedAt;

    public required OrderId Id { get; init; }

    public required AccountId AccountId { get; init; }

    public required string Symbol { get; init; }

    public required OrderType Type { get; init; }

    public required OrderSide Side { get; init; }

    public required decimal Quantity { get => _quantity; init => _quantity = value; }

    /// <summary>The limit price (limit and stop-limit orders).</summary>
    public decimal? Price { get => _price; init => _price = value; }

    /// <summary>The trigger price (stop and stop-limit orders; the current trigger of a trailing stop).</summary>
    public decimal? StopPrice { get => _stopPrice; init => _stopPrice = value; }

    public decimal? TrailAmount { get; init; }

    public decimal? TrailPercent { get; init; }

    /// <summary>The best price seen since placement, from which a trailing stop trails (see <see cref="Trail"/>).</summary>
    public decimal? TrailAnchor { get; private set; }

    public required TimeInForce TimeInForce { get; init; }

    public ClientOrderId? ClientOrderId { get; init; }

    /// <summary>A fingerprint of the request, to tell a retry (same) from a conflicting reuse of a client order id.</summary>
    public string? RequestFingerprint { get; init; }

    public required int Leverage { get; init; }

    /// <summary>Attached stop-loss: set on the position this order opens or adds to.</summary>
    public decimal? StopLoss { get => _stopLoss; init => _stopLoss = value; }

    /// <summary>Attached take-profit: set on the position this order opens or adds to.</summary>
    public decimal? TakeProfit { get => _takeProfit; init => _takeProfit = value; }

    public OrderOrigin Origin { get; init; } = OrderOrigin.Client;

    /// <summary>Set by the platform's closing orders: they only reduce that position.</summary>
    public Positions.PositionId? ClosesPositionId { get; init; }

    public StrategyId? StrategyId { get; init; }

    public OrderStatus Status { get; private set; } = OrderStatus.Pending;

    public string? StatusReason { get; private set; }

    public decimal FilledQuantity { get; private set; }

    public decimal? AveragePrice { get; private set; }

    public decimal Commission { get; private set; }

    /// <summary>Stop and stop-limit orders become active (market or limit) once triggered (see <see cref="Trigger"/>).</summary>
    public bool Triggered { get; private set; }

    /// <summary>When a DAY order expires (the end of the instrument's session).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get => _updatedAt; init => _updatedAt = value; }

    public DateTimeOffset? FilledAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public IReadOnlyList<OrderStatusChange> History => _history;

    public decimal RemainingQuantity => Quantity - FilledQuantity;

    public bool IsWorking => OrderStatusTransitions.IsWorking(Status);

    /// <summary>A stop, stop-limit or trailing stop that has not triggered yet: it rests whatever the price until it does.</summary>
    public bool AwaitsTrigger => Type is OrderType.Stop or OrderType.StopLimit or OrderType.TrailingStop && !Triggered;

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
        _updatedAt = at;
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

        var status = RemainingQuantity == quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        EnsureCanMove(status);
        AveragePrice = ((AveragePrice ?? 0m) * FilledQuantity + price * quantity) / (FilledQuantity + quantity);
        FilledQuantity += quantity;
        Commission += commission;
        MoveTo(status, at);
    }

    /// <summary>
    /// The client's change of a working order's terms (quantity, limit, stop and the attached bracket), already
    /// validated by the caller; only a working order's terms change, and the quantity stays above what has filled.
    /// </summary>
    public void Modify(decimal quantity, decimal? price, decimal? stopPrice, decimal? stopLoss, decimal? takeProfit, DateTimeOffset at)
    {
        EnsureChangeable(OrderStatusTransitions.CanModify(Status), "modified");
        if (quantity <= FilledQuantity)
        {
            throw new InvalidOperationException($"Order {Id} cannot have a quantity of {quantity} with {FilledQuantity} filled.");
        }

        if (Triggered && stopPrice != _stopPrice)
        {
            throw new InvalidOperationException($"Order {Id} has triggered; its stop price no longer changes.");
        }

        _quantity = quantity;
        _price = price;
        _stopPrice = stopPrice;
        _stopLoss = stopLoss;
        _takeProfit = takeProfit;
        _updatedAt = at;
    }

    /// <summary>A stop, stop-limit or trailing stop the market reached: from now on it is a market or limit order.</summary>
    /// <remarks>Neither this nor <see cref="Trail"/> touches <see cref="UpdatedAt"/>: they never did, and the API shows it.</remarks>
    public void Trigger()
    {
        EnsureChangeable(OrderStatusTransitions.CanTrigger(Status), "triggered");
        if (!AwaitsTrigger)
        {
            throw new InvalidOperationException($"Order {Id} ({Type}, triggered: {Triggered}) has no trigger to fire.");
        }

        Triggered = true;
    }

    /// <summary>Moves a trailing stop: its new anchor (the best price seen) and the stop that trails it.</summary>
    public void Trail(decimal anchor, decimal stopPrice)
    {
        EnsureChangeable(OrderStatusTransitions.CanTrigger(Status), "trailed");
        if (Type != OrderType.TrailingStop || Triggered)
        {
            throw new InvalidOperationException($"Order {Id} is not a trailing stop waiting to trigger.");
        }

        TrailAnchor = anchor;
        _stopPrice = stopPrice;
    }

    /// <summary>
    /// What this order would be with other terms, for a what-if check (the margin a modification needs) before the
    /// modification is made; the copy is never booked.
    /// </summary>
    internal Order WithTerms(decimal quantity, decimal? price, decimal? stopPrice) => new()
    {
        Id = Id, AccountId = AccountId, Symbol = Symbol, Type = Type, Side = Side, Quantity = quantity, Price = price, StopPrice = stopPrice,
        TimeInForce = TimeInForce, Leverage = Leverage, CreatedAt = CreatedAt, Triggered = Triggered,
    };

    private void EnsureCanMove(OrderStatus status)
    {
        if (!OrderStatusTransitions.CanMove(Status, status))
        {
            throw new InvalidOperationException($"Order {Id} cannot move from {Status} to {status}.");
        }
    }

    private void EnsureChangeable(bool allowed, string action)
    {
        if (!allowed)
        {
            throw new InvalidOperationException($"Order {Id} is {Status}; it cannot be {action}.");
        }
    }
}
