using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Tests.Support;

/// <summary>An in-memory market: the shipped instruments and quotes a test sets.</summary>
public sealed class TestMarket : IMarketView
{
    private readonly Dictionary<string, Instrument> _instruments =
        InstrumentCatalog.Defaults.ToDictionary(instrument => instrument.Symbol, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, Quote> _quotes = new(StringComparer.OrdinalIgnoreCase);

    public Instrument? FindInstrument(string symbol) => _instruments.GetValueOrDefault(symbol);

    public Quote? LatestQuote(string symbol) => _quotes.GetValueOrDefault(symbol);

    public Instrument Instrument(string symbol) => _instruments[symbol];

    /// <summary>Replaces an instrument's parameters (e.g. a test that needs a different top-of-book size).</summary>
    public void Replace(Instrument instrument) => _instruments[instrument.Symbol] = instrument;

    public Quote Set(Quote quote)
    {
        _quotes[quote.Symbol] = quote;
        return quote;
    }

    /// <summary>Sets the quote from bid and ask with the sizes given (the instrument's top-of-book size when not).</summary>
    public Quote Set(string symbol, decimal bid, decimal ask, DateTimeOffset at, decimal? bidSize = null, decimal? askSize = null) =>
        Set(Quotes.Make(Instrument(symbol), bid, ask, at, bidSize, askSize));
}

/// <summary>Quote builders.</summary>
public static class Quotes
{
    public static Quote Make(Instrument instrument, decimal bid, decimal ask, DateTimeOffset at, decimal? bidSize = null, decimal? askSize = null) =>
        new(instrument.Symbol, bid, ask, (bid + ask) / 2m, bidSize ?? instrument.TopOfBookSize, askSize ?? instrument.TopOfBookSize, 0m, at);

    /// <summary>A quote around <paramref name="mid"/> with the instrument's spread, both sides on the tick.</summary>
    public static Quote AroundMid(Instrument instrument, decimal mid, DateTimeOffset at, decimal? size = null)
    {
        var half = Math.Max(instrument.TickSize, instrument.RoundToTick(mid * instrument.Spread / 2m));
        var center = instrument.RoundToTick(mid);
        return Make(instrument, center - half, center + half, at, size, size);
    }
}
