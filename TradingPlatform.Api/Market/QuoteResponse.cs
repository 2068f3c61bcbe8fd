using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Market;

/// <summary>The latest top of book: bid/ask with their sizes, last trade, the volume of the last tick, and when.</summary>
public sealed record QuoteResponse(
    string Symbol, decimal Bid, decimal Ask, decimal Last, decimal Mid, decimal Spread, decimal BidSize, decimal AskSize, decimal Volume, DateTimeOffset Timestamp)
{
    public static QuoteResponse From(Quote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return new(quote.Symbol, quote.Bid, quote.Ask, quote.Last, quote.Mid, quote.Ask - quote.Bid, quote.BidSize, quote.AskSize, quote.Volume, quote.Timestamp);
    }
}
