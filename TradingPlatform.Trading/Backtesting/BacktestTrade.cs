using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// One round trip: a position from its first fill to the fill that closed it. Prices are volume-weighted over the
/// entry and the exit fills; <see cref="GrossPnl"/> is the realised P&amp;L before costs, <see cref="Fees"/> the
/// commission of every fill of the trip, so <see cref="NetPnl"/> is what the trade added to the balance (funding aside).
/// </summary>
public sealed record BacktestTrade(
    string Symbol,
    PositionSide Side,
    decimal Quantity,
    DateTimeOffset EntryAt,
    decimal EntryPrice,
    DateTimeOffset ExitAt,
    decimal ExitPrice,
    decimal GrossPnl,
    decimal Fees,
    TradeExitReason ExitReason)
{
    public decimal NetPnl => GrossPnl - Fees;
}
