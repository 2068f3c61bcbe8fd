using TradingPlatform.Api.Market;
using TradingPlatform.Api.Market.Instruments;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.TickProcessing;

/// <summary>
/// The execution simulator's view of the market inside the Api: instruments from the registry (so operators' edits of
/// <c>trading.instruments</c> apply to execution) and quotes from the quote book.
/// </summary>
internal sealed class ApiMarketView(InstrumentRegistry instruments, QuoteBook quotes) : IMarketView
{
    public Instrument? FindInstrument(string symbol) => instruments.Find(symbol);

    public Quote? LatestQuote(string symbol) => quotes.GetLatest(symbol);
}
