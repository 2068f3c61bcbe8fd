namespace TradingPlatform.Trading.Market;

/// <summary>
/// The top of the book for one instrument at one instant: what market orders fill against and what resting orders,
/// stop-losses, take-profits and liquidations are triggered by. Sizes are the quantities available at bid and ask.
/// </summary>
public sealed record Quote(
    string Symbol,
    decimal Bid,
    decimal Ask,
    decimal Last,
    decimal BidSize,
    decimal AskSize,
    decimal Volume,
    DateTimeOffset Timestamp)
{
    public decimal Mid => (Bid + Ask) / 2m;
}
