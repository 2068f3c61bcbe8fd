using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// The four prices a backtest visits inside one bar (open, two extremes, close) and when: the open at the bar's open
/// time, the extremes a third and two thirds into it, the close one millisecond before it ends (still inside the bar,
/// so the day and the bar of every quote are the bar's own).
/// </summary>
internal static class BarPath
{
    public static void Fill(Candle bar, IntrabarPath path, Span<decimal> prices, Span<DateTimeOffset> times)
    {
        var highFirst = path switch
        {
            IntrabarPath.HighFirst => true,
            IntrabarPath.LowFirst => false,
            _ => bar.High - bar.Open < bar.Open - bar.Low,
        };
        prices[0] = bar.Open;
        prices[1] = highFirst ? bar.High : bar.Low;
        prices[2] = highFirst ? bar.Low : bar.High;
        prices[3] = bar.Close;
        var third = bar.Interval.Duration / 3;
        times[0] = bar.OpenTime;
        times[1] = bar.OpenTime + third;
        times[2] = bar.OpenTime + third + third;
        times[3] = bar.CloseTime - TimeSpan.FromMilliseconds(1);
    }

    /// <summary>
    /// Called once the open has traded (a position may just have opened there): when both the position's stop-loss and
    /// its take-profit lie inside the bar, the order in which they were reached is unknown, and the conservative (and
    /// live) rule is that the stop-loss comes first, so the adverse extreme is visited first.
    /// </summary>
    public static void ResolveStopLossFirst(Candle bar, Position? position, BacktestMarket.Listing listing, Span<decimal> prices)
    {
        if (position is not { StopLoss: { } stopLoss, TakeProfit: { } takeProfit } || !ReachesBoth(bar, position, stopLoss, takeProfit, listing))
        {
            return;
        }

        var adverse = position.Side == PositionSide.Long ? bar.Low : bar.High;
        prices[1] = adverse;
        prices[2] = position.Side == PositionSide.Long ? bar.High : bar.Low;
    }

    /// <summary>Whether the bar's adverse extreme reaches the stop-loss and its favourable one the take-profit, marked as the simulator marks them.</summary>
    private static bool ReachesBoth(Candle bar, Position position, decimal stopLoss, decimal takeProfit, BacktestMarket.Listing listing)
    {
        var low = listing.Mark(position.Side, bar.Low);
        var high = listing.Mark(position.Side, bar.High);
        return position.Side == PositionSide.Long
            ? low <= stopLoss && high >= takeProfit
            : high >= stopLoss && low <= takeProfit;
    }
}
