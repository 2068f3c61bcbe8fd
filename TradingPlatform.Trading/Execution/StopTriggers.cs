using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Execution;

/// <summary>
/// The trigger step of stop, stop-limit and trailing stop orders, taken explicitly on the tick path (and at entry)
/// before the order is checked for execution, so that the check itself (<see cref="OrderMarketability.IsExecutable"/>)
/// changes nothing. Protection (stop-loss, take-profit, liquidation) triggers are <see cref="ProtectionTriggers"/>.
/// </summary>
internal static class StopTriggers
{
    /// <summary>Triggers a waiting stop the quote reaches (<see cref="OrderMarketability.StopReachedRule"/>).</summary>
    public static void TriggerIfReached(Order order, Quote quote)
    {
        if (order.AwaitsTrigger && OrderMarketability.StopReached(order, quote))
        {
            order.Trigger();
        }
    }

    /// <summary>A new trailing stop anchors at the touch it is placed against.</summary>
    public static void StartTrail(Instrument instrument, Order order, decimal touch) =>
        order.Trail(touch, TrailingStop(instrument, order, touch));

    /// <summary>A waiting trailing stop follows the best price seen: the highest bid for a sell, the lowest ask for a buy.</summary>
    public static void Follow(Instrument instrument, Order order, Quote quote)
    {
        if (order.Type != OrderType.TrailingStop || order.Triggered)
        {
            return;
        }

        var anchor = order.Side == OrderSide.Sell ? Math.Max(order.TrailAnchor ?? quote.Bid, quote.Bid) : Math.Min(order.TrailAnchor ?? quote.Ask, quote.Ask);
        order.Trail(anchor, TrailingStop(instrument, order, anchor));
    }

    private static decimal TrailingStop(Instrument instrument, Order order, decimal anchor)
    {
        var trail = order.TrailAmount ?? anchor * order.TrailPercent!.Value / 100m;
        return instrument.RoundToTick(order.Side == OrderSide.Sell ? anchor - trail : anchor + trail);
    }
}
