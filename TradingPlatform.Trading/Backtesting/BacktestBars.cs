using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// One symbol's bars in a backtest's [start, end), checked: the symbol's own bars at the backtest's interval, in time
/// order without duplicates. The engine and the sweep's fast paths read their bars through here, so they refuse the
/// same inputs with the same messages.
/// </summary>
internal static class BacktestBars
{
    public static List<Candle> Of(BacktestSettings settings, Instrument instrument, IReadOnlyDictionary<string, IReadOnlyList<Candle>> candles)
    {
        if (settings.End <= settings.Start)
        {
            throw new ArgumentException("The end must be after the start.", nameof(settings));
        }

        if (!candles.TryGetValue(instrument.Symbol, out var series))
        {
            throw new ArgumentException($"No bars were given for {instrument.Symbol}.", nameof(candles));
        }

        var bars = new List<Candle>(series.Count);
        DateTimeOffset? previous = null;
        foreach (var bar in series)
        {
            if (bar.Interval != settings.Interval || !Symbol.Same(bar.Symbol, instrument.Symbol))
            {
                throw new ArgumentException($"The bars for {instrument.Symbol} must be {instrument.Symbol} {settings.Interval} bars.", nameof(candles));
            }

            if (previous >= bar.OpenTime)
            {
                throw new ArgumentException($"The bars for {instrument.Symbol} must be in time order without duplicates.", nameof(candles));
            }

            previous = bar.OpenTime;
            if (bar.OpenTime >= settings.Start && bar.OpenTime < settings.End)
            {
                bars.Add(bar);
            }
        }

        return bars;
    }
}
