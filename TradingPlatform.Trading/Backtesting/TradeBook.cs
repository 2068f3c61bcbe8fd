using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>Builds round trips from fills: a position's fills from its opening one to the one that brought it back to zero.</summary>
internal static class TradeBook
{
    public static List<BacktestTrade> RoundTrips(IEnumerable<Fill> fills, IReadOnlyDictionary<OrderId, Order> orders, IReadOnlySet<OrderId> endOfTest)
    {
        // The fills of each position, positions in the order of their first fill (as GroupBy groups them).
        var byPosition = new Dictionary<PositionId, List<Fill>>();
        var positions = new List<List<Fill>>();
        foreach (var fill in fills)
        {
            if (!byPosition.TryGetValue(fill.PositionId, out var list))
            {
                list = [];
                byPosition.Add(fill.PositionId, list);
                positions.Add(list);
            }

            list.Add(fill);
        }

        var trades = new List<BacktestTrade>(positions.Count);
        foreach (var list in positions)
        {
            // Entries are the fills on the opening fill's side, exits the others; every sum runs in fill order from 0.
            var opening = list[0].Side;
            var entered = 0m;
            var exited = 0m;
            Fill? last = null;
            foreach (var fill in list)
            {
                if (fill.Side == opening)
                {
                    entered += fill.Quantity;
                }
                else
                {
                    exited += fill.Quantity;
                    last = fill;
                }
            }

            if (last is null || exited != entered)
            {
                continue;
            }

            var entryNotional = 0m;
            var exitNotional = 0m;
            var realized = 0m;
            var fees = 0m;
            foreach (var fill in list)
            {
                if (fill.Side == opening)
                {
                    entryNotional += fill.Price * fill.Quantity;
                }
                else
                {
                    exitNotional += fill.Price * fill.Quantity;
                }

                realized += fill.RealizedPnl;
                fees += fill.Commission;
            }

            trades.Add(new BacktestTrade(
                list[0].Symbol, opening == OrderSide.Buy ? PositionSide.Long : PositionSide.Short, entered,
                list[0].ExecutedAt, entryNotional / entered,
                last.ExecutedAt, exitNotional / entered,
                realized, fees,
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
