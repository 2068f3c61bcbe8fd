using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Trading.Market;

/// <summary>
/// Synthetic 1-minute history from the same price model as the live market: every minute the market is open gets a
/// candle built from <see cref="StepsPerMinute"/> simulated trades; closed minutes get none.
/// </summary>
public static class HistoryGenerator
{
    public const int StepsPerMinute = 6;

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60.0 / StepsPerMinute);

    /// <summary>The minute candles in [<paramref name="from"/>, <paramref name="to"/>), both floored to the minute, in time order.</summary>
    public static IEnumerable<Candle> GenerateMinutes(Instrument instrument, DateTimeOffset from, DateTimeOffset to, int seed)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var start = CandleInterval.OneMinute.Floor(from);
        var end = CandleInterval.OneMinute.Floor(to);
        var process = new PriceProcess(instrument, instrument.InitialPrice, start, StableSeed.For(seed, instrument.Symbol, "history"));
        for (var minute = start; minute < end; minute += CandleInterval.OneMinute.Duration)
        {
            if (!instrument.Hours.IsOpen(minute))
            {
                continue;
            }

            Candle? candle = null;
            for (var i = 1; i <= StepsPerMinute; i++)
            {
                // The last step lands just inside the minute, so the candle's close is the minute's last trade.
                var at = i == StepsPerMinute ? minute + Step * i - TimeSpan.FromMilliseconds(1) : minute + Step * i;
                var quote = process.QuoteAt(at);
                candle = candle is null
                    ? new Candle(instrument.Symbol, CandleInterval.OneMinute, minute, quote.Last, quote.Last, quote.Last, quote.Last, quote.Volume)
                    : candle with
                    {
                        High = Math.Max(candle.High, quote.Last),
                        Low = Math.Min(candle.Low, quote.Last),
                        Close = quote.Last,
                        Volume = candle.Volume + quote.Volume,
                    };
            }

            yield return candle!;
        }
    }
}
