namespace TradingPlatform.Trading.Orders;

/// <summary>One step of an order's status history, kept so that every history can be checked against the transition table.</summary>
public sealed class OrderStatusChange
{
    public long Id { get; private set; }

    public required OrderId OrderId { get; init; }

    public required OrderStatus From { get; init; }

    public required OrderStatus To { get; init; }

    public string? Reason { get; init; }

    public required DateTimeOffset At { get; init; }
}
