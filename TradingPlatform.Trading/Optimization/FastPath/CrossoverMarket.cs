using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>
/// One symbol's bars as the fast path reads them, computed once per sweep with the engine's own functions: the
/// quote at each bar price (<see cref="BacktestMarket.QuoteAt"/>) in whole ticks, the UTC day of each of the path's four
/// quote times (<see cref="BarPath.Fill"/>), which extreme the path visits first and which prices are equal, the equity
/// points' times, and the closes the indicators are fed (as the rules convert them, decimal to double).
/// </summary>
internal sealed class CrossoverMarket
{
    private CrossoverMarket(int count)
    {
        Count = count;
        Bids = new long[count * 4];
        Asks = new long[count * 4];
        Days = new int[count * 4];
        Flags = new int[count];
        PointTimes = new long[count + 1];
        Closes = new double[count];
    }

    public int Count { get; }

    public long[] Bids { get; }

    public long[] Asks { get; }

    public int[] Days { get; }

    public int[] Flags { get; }

    public long[] PointTimes { get; }

    public double[] Closes { get; }

    /// <summary>The highest ask at any bar price, in ticks: the bound of every price the run can see before slippage.</summary>
    public long MaxTicks { get; private set; }

    /// <summary>Days from the first quote to the last: the bound of one funding charge's day count.</summary>
    public int SpanDays { get; private set; }

    public decimal FirstOpen { get; private set; }

    public decimal LastClose { get; private set; }

    public static CrossoverMarket Build(IReadOnlyList<Candle> bars, Instrument instrument, IntrabarPath path)
    {
        var market = new CrossoverMarket(bars.Count);
        Span<decimal> prices = stackalloc decimal[4];
        Span<DateTimeOffset> times = stackalloc DateTimeOffset[4];
        var tick = instrument.TickSize;
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            BarPath.Fill(bar, path, prices, times);
            ReadOnlySpan<decimal> ohlc = [bar.Open, bar.High, bar.Low, bar.Close];
            for (var p = 0; p < 4; p++)
            {
                var quote = BacktestMarket.QuoteAt(instrument, ohlc[p], times[0]);
                market.Bids[(i * 4) + p] = (long)(quote.Bid / tick);
                market.Asks[(i * 4) + p] = (long)(quote.Ask / tick);
                market.MaxTicks = Math.Max(market.MaxTicks, market.Asks[(i * 4) + p]);
                market.Days[(i * 4) + p] = DateOnly.FromDateTime(times[p].UtcDateTime).DayNumber;
            }

            // As BarPath.Fill decides it (the prices alone cannot tell when the high equals the low).
            var highFirst = path switch
            {
                IntrabarPath.HighFirst => true,
                IntrabarPath.LowFirst => false,
                _ => bar.High - bar.Open < bar.Open - bar.Low,
            };
            var flags = highFirst ? BarFlags.HighFirst : 0;
            flags |= bar.Open == bar.High ? BarFlags.OpenEqualsHigh : 0;
            flags |= bar.Open == bar.Low ? BarFlags.OpenEqualsLow : 0;
            flags |= bar.High == bar.Low ? BarFlags.HighEqualsLow : 0;
            flags |= bar.High == bar.Close ? BarFlags.HighEqualsClose : 0;
            flags |= bar.Low == bar.Close ? BarFlags.LowEqualsClose : 0;
            var oneDay = market.Days[i * 4] == market.Days[(i * 4) + 3];
            flags |= oneDay && bar.Low <= Math.Min(bar.Open, bar.Close) && bar.High >= Math.Max(bar.Open, bar.Close) ? BarFlags.Bounded : 0;
            market.Flags[i] = flags;
            market.PointTimes[i + 1] = bar.CloseTime.UtcTicks;
            market.Closes[i] = (double)bar.Close;
        }

        if (bars.Count > 0)
        {
            market.PointTimes[0] = bars[0].OpenTime.UtcTicks;
            market.FirstOpen = bars[0].Open;
            market.LastClose = bars[^1].Close;
            market.SpanDays = market.Days[^1] - market.Days[0];
        }

        return market;
    }
}
