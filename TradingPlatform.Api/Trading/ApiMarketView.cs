using TradingPlatform.Api.Market;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Trading;

/// <summary>The execution simulator's view of the market inside the Api: the instrument registry and the quote book.</summary>
internal sealed class ApiMarketView(QuoteBook quotes) : IMarketView
{
    public Instrument? FindInstrument(string symbol) => InstrumentCatalog.Find(symbol);

    public Quote? LatestQuote(string symbol) => quotes.GetLatest(symbol);
}
