using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Execution;

/// <summary>
/// Seed 004's cost models. Slippage: the instrument's base factor, plus its size impact per unit of quantity, plus a
/// seeded random part of ±<see cref="Instrument.RandomSlippage"/> (0.02 % by default), never negative and capped at 1%.
/// Commission: a rate of notional (0.02% by default) with a minimum ($0.01), on entry and on exit alike.
/// </summary>
public static class ExecutionCosts
{
    public const decimal MaxSlippage = 0.01m;
    public const decimal RandomSlippage = 0.0002m;

    /// <summary>The slippage of this fill of <paramref name="order"/>: seeded by its id and <see cref="SeededNoise.FillSequence"/> of what it has filled.</summary>
    public static decimal SlippageFraction(Instrument instrument, Order order, decimal quantity)
    {
        ArgumentNullException.ThrowIfNull(order);
        return SlippageFraction(instrument, quantity, order.Id.Value, SeededNoise.FillSequence(order.FilledQuantity));
    }

    public static decimal SlippageFraction(Instrument instrument, decimal quantity, Guid orderId, long sequence)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var fraction = instrument.SlippageFactor + instrument.SizeImpact * quantity + instrument.RandomSlippage * SeededNoise.Symmetric(orderId, sequence);
        return Math.Clamp(fraction, 0m, MaxSlippage);
    }

    /// <summary>The largest slippage <see cref="SlippageFraction"/> can give this quantity, whatever the random part (for margin checks).</summary>
    public static decimal WorstSlippageFraction(Instrument instrument, decimal quantity)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return Math.Clamp(instrument.SlippageFactor + instrument.SizeImpact * quantity + instrument.RandomSlippage, 0m, MaxSlippage);
    }

    /// <summary>The price a marketable order gets: the touch (ask for buys, bid for sells) moved against it by slippage.</summary>
    public static decimal MarketFillPrice(Instrument instrument, OrderSide side, decimal touch, decimal slippageFraction)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var raw = side == OrderSide.Buy ? touch * (1m + slippageFraction) : touch * (1m - slippageFraction);
        var price = instrument.RoundToTick(raw);
        // Rounding to the tick may not improve on the touch.
        return side == OrderSide.Buy ? Math.Max(price, touch) : Math.Min(price, touch);
    }

    public static decimal Commission(Instrument instrument, decimal quantity, decimal price)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return Math.Max(Money.Round(quantity * price * instrument.CommissionRate), instrument.MinCommission);
    }
}
