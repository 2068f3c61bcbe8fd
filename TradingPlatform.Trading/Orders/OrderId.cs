using TradingPlatform.Trading.Common;

namespace TradingPlatform.Trading.Orders;

/// <summary>An order's id.</summary>
public readonly record struct OrderId(Guid Value) : IStrongId<OrderId>
{
    /// <summary>Version 7 GUIDs are time-ordered, so new rows land at the end of the primary-key index.</summary>
    public static OrderId New() => new(Guid.CreateVersion7());

    public static OrderId From(Guid value) => new(value);

    public static bool TryParse(string? text, out OrderId id)
    {
        var parsed = Guid.TryParse(text, out var value);
        id = new OrderId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString();
}
