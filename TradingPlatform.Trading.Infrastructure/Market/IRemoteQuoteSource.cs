using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Infrastructure.Market;

/// <summary>
/// Quotes another replica published (the feed's leader writes them to Redis): the Api's quote book falls back to them,
/// so every replica sees the market although only one runs the feed; the Worker's jobs read the market through them.
/// </summary>
public interface IRemoteQuoteSource
{
    Quote? Get(string symbol);

    IReadOnlyCollection<Quote> GetAll();
}
