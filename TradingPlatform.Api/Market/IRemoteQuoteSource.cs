using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Market;

/// <summary>
/// Quotes another replica published (the feed's leader writes them to Redis): <see cref="QuoteBook"/> falls back to
/// them, so every replica sees the market although only one runs the feed.
/// </summary>
public interface IRemoteQuoteSource
{
    Quote? Get(string symbol);

    IReadOnlyCollection<Quote> GetAll();
}
