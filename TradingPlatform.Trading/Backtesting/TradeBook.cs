using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>Builds round trips from fills: a position's fills from its opening one to the one that brought it back to zero.</summary>
internal static class TradeBook
{
    public static List<BacktestTrade> RoundTrips(IEnumerable<Fill> fills, IReadOnlyDictionary<OrderId, Order> orders, IReadOnlySet<OrderId> endOfTest)
    {
        var trades = new List<BacktestTrade>();
        foreach (var position in fills.GroupBy(fill => fill.PositionId))
        {
            var list = position.ToList();
            var side = list[0].Side == OrderSide.Buy ? PositionSide.Long : PositionSide.Short;
            var entries = list.Where(f => f.Side == list[0].Side).ToList();
            var exits = list.Where(f => f.Side != list[0].Side).ToList();
            var entered = entries.Sum(f => f.Quantity);
            if (exits.Count == 0 || exits.Sum(f => f.Quantity) != entered)
            {
                continue;
            }

            var last = exits[^1];
            trades.Add(new BacktestTrade(
                list[0].Symbol, side, entered,
                entries[0].ExecutedAt, entries.Sum(f => f.Price * f.Quantity) / entered,
                last.ExecutedAt, exits.Sum(f => f.Price * f.Quantity) / entered,
                list.Sum(f => f.RealizedPnl), list.Sum(f => f.Commission),
                ReasonOf(orders[last.OrderId], endOfTest)));
        }

        return [.. trades.OrderBy(t => t.ExitAt).ThenBy(t => t.Symbol, StringComparer.Ordinal)];
    }

    private static TradeExitReason ReasonOf(Order order, IReadOnlySet<OrderId> endOfTest) =>
        endOfTest.Contains(order.Id) ? TradeExitReason.EndOfTest : order.Origin switch
        {
            OrderOrigin.StopLoss => TradeExitReason.StopLoss,
            OrderOrigin.TakeProfit => TradeExitReason.TakeProfit,
            OrderOrigin.Liquidation => TradeExitReason.Liquidation,
            _ => TradeExitReason.Signal,
        };
}
