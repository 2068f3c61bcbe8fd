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

        var mark = position.MarkPrice(quote);
        bool Reached(decimal? level, bool adverse) => level is { } value &&
            (position.Side == PositionSide.Long ? (adverse ? mark <= value : mark >= value) : (adverse ? mark >= value : mark <= value));

        if (Reached(position.LiquidationPrice, adverse: true) && position.LiquidationPrice > 0)
        {
            PositionCloser.Close(book, position, null, instrument, quote, OrderOrigin.Liquidation, now);
        }
        else if (Reached(position.StopLoss, adverse: true))
        {
            PositionCloser.Close(book, position, null, instrument, quote, OrderOrigin.StopLoss, now);
        }
        else if (Reached(position.TakeProfit, adverse: false))
        {
            PositionCloser.Close(book, position, null, instrument, quote, OrderOrigin.TakeProfit, now);
        }
    }
}
