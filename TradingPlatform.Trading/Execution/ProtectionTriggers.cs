using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Execution;

/// <summary>
/// Liquidation, stop-loss and take-profit, checked on every tick in that order. When one tick reaches both the
/// stop-loss and the take-profit, the stop-loss wins (the conservative assumption, as in backtests). Liquidation and
/// stop-loss fill at the market with slippage (a gap fills at the gapped price); take-profit fills at its price or better.
/// </summary>
internal static class ProtectionTriggers
{
    public static void Apply(AccountBook book, Instrument instrument, Quote quote, IMarketView market, DateTimeOffset now)
    {
        if (book.OpenPosition(instrument.Symbol) is not { } position)
        {
            return;
        }

        if (Triggered(position, quote) is { } origin)
        {
            PositionCloser.Close(book, position, null, instrument, quote, origin, now);
        }
    }

    /// <summary>What, if anything, this quote makes close the position: liquidation, else stop-loss, else take-profit.</summary>
    public static OrderOrigin? Triggered(Position position, Quote quote) => Triggered(position, position.MarkPrice(quote));

    /// <summary>The same at a given mark price (the bid for a long, the ask for a short).</summary>
    public static OrderOrigin? Triggered(Position position, decimal mark)
    {
        bool Reached(decimal? level, bool adverse) => level is { } value &&
            (position.Side == PositionSide.Long ? (adverse ? mark <= value : mark >= value) : (adverse ? mark >= value : mark <= value));

        if (Reached(position.LiquidationPrice, adverse: true) && position.LiquidationPrice > 0)
        {
            return OrderOrigin.Liquidation;
        }

        if (Reached(position.StopLoss, adverse: true))
        {
            return OrderOrigin.StopLoss;
        }

        return Reached(position.TakeProfit, adverse: false) ? OrderOrigin.TakeProfit : null;
    }
}
