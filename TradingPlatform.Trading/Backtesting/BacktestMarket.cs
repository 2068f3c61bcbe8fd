using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// The market a backtest trades in: its instruments, and a quote per symbol built from the bar price being visited. The
/// quote is a spread around that price rounded outward to the tick, as the live price model quotes, with the
/// instrument's usual top-of-book size on each side. Instruments are always open here: the bars are the record of when
/// the market traded, so a bar's prices are tradeable whatever the session table says.
/// </summary>
internal sealed class BacktestMarket : IMarketView
{
    private readonly Dictionary<string, Instrument> _instruments = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Quote> _quotes = new(StringComparer.OrdinalIgnoreCase);

    public BacktestMarket(IEnumerable<Instrument> instruments)
    {
        foreach (var instrument in instruments)
        {
            _instruments[instrument.Symbol] = instrument with { Hours = TradingHours.AlwaysOpen, Active = true };
        }
    }

    public Instrument? FindInstrument(string symbol) => _instruments.GetValueOrDefault(symbol);

    public Quote? LatestQuote(string symbol) => _quotes.GetValueOrDefault(symbol);

    public Instrument Instrument(string symbol) =>
        _instruments.TryGetValue(symbol, out var instrument) ? instrument : throw new ArgumentException($"No instrument {symbol} in this backtest.", nameof(symbol));

    /// <summary>Makes the quote around <paramref name="price"/> the symbol's latest.</summary>
    public Quote Set(Instrument instrument, decimal price, DateTimeOffset at)
    {
        var quote = QuoteAt(instrument, price, at);
        _quotes[instrument.Symbol] = quote;
        return quote;
    }

    /// <summary>Makes a recorded quote the symbol's latest, as it was.</summary>
    public Quote Set(Quote quote)
    {
        _quotes[quote.Symbol] = quote;
        return quote;
    }

    public static Quote QuoteAt(Instrument instrument, decimal price, DateTimeOffset at)
    {
        var tick = instrument.TickSize;
        var bid = Math.Floor(price * (1m - (instrument.Spread / 2m)) / tick) * tick;
        var ask = Math.Ceiling(price * (1m + (instrument.Spread / 2m)) / tick) * tick;
        if (ask <= bid)
        {
            ask = bid + tick;
        }

        if (bid <= 0m)
        {
            bid = tick;
            ask = bid + tick;
        }

        return new Quote(instrument.Symbol, bid, ask, price, instrument.TopOfBookSize, instrument.TopOfBookSize, 0m, at);
    }
}
