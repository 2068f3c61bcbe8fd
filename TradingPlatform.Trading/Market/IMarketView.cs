using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Trading.Market;

/// <summary>What the execution simulator needs to know about the market: instrument parameters and the latest quote.</summary>
public interface IMarketView
{
    Instrument? FindInstrument(string symbol);

    Quote? LatestQuote(string symbol);
}
