using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Tests.Support;

/// <summary>
/// Expected values computed from the instrument's parameters and seed 004's formulas, written out here rather than
/// taken from <see cref="ExecutionCosts"/>, so that the tests check the simulator against the specification.
/// </summary>
public static class Expect
{
    /// <summary>
    /// Base + size impact × quantity + 0.02% × seeded noise, clamped to [0, 1%]. The noise is keyed by the order's id and
    /// the quantity it had filled before this fill (as the bits of that number): what the order row holds, not its history.
    /// </summary>
    public static decimal Slippage(Instrument instrument, decimal quantity, OrderId orderId, decimal filledBefore)
    {
        var sequence = BitConverter.DoubleToInt64Bits((double)filledBefore);
        var fraction = instrument.SlippageFactor + instrument.SizeImpact * quantity + 0.0002m * SeededNoise.Symmetric(orderId.Value, sequence);
        return Math.Min(Math.Max(fraction, 0m), 0.01m);
    }

    /// <summary>The touch moved against the order by the slippage, rounded to the tick, never better than the touch.</summary>
    public static decimal MarketPrice(Instrument instrument, OrderSide side, decimal touch, decimal slippage)
    {
        var raw = side == OrderSide.Buy ? touch * (1m + slippage) : touch * (1m - slippage);
        var ticks = Math.Round(raw / instrument.TickSize, MidpointRounding.AwayFromZero);
        var price = ticks * instrument.TickSize;
        return side == OrderSide.Buy ? Math.Max(price, touch) : Math.Min(price, touch);
    }

    public static decimal MarketPrice(Instrument instrument, Order order, decimal touch, decimal quantity, decimal filledBefore) =>
        MarketPrice(instrument, order.Side, touch, Slippage(instrument, quantity, order.Id, filledBefore));

    /// <summary>0.02% of notional, to the cent, at least $0.01.</summary>
    public static decimal Commission(decimal quantity, decimal price) =>
        Math.Max(Math.Round(quantity * price * 0.0002m, 2, MidpointRounding.ToEven), 0.01m);

    public static decimal Cents(decimal amount) => Money.Round(amount);
}
