using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Events;
using TradingPlatform.Trading.Ledger;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Execution;

public static partial class ExecutionSimulator
{
    /// <summary>Closes a position fully, or partly when <paramref name="quantity"/> is given, at the market.</summary>
    public static Order ClosePosition(AccountBook book, Position position, decimal? quantity, IMarketView market, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(market);
        if (!position.IsOpen)
        {
            throw new TradingException(TradingErrorKind.Conflict, $"Position {position.Id} is already closed.");
        }

        var instrument = market.FindInstrument(position.Symbol) ?? throw new InvalidOperationException($"No instrument {position.Symbol}.");
        PositionCloser.ValidateQuantity(instrument, position, quantity);
        var quote = RequireOpenMarket(instrument, market, now);
        RollDay(book, market, now);
        return PositionCloser.Close(book, position, quantity, instrument, quote, OrderOrigin.ManualClose, now);
    }

    /// <summary>
    /// Sets or clears a position's stop-loss and take-profit (PATCH). A new level must be on the protective side of the
    /// current mark price: below it for a long's stop-loss, above it for a long's take-profit, the reverse for a short.
    /// </summary>
    public static void SetProtection(AccountBook book, Position position, ProtectionChange change, IMarketView market, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(market);
        if (!position.IsOpen)
        {
            throw new TradingException(TradingErrorKind.Conflict, $"Position {position.Id} is closed.");
        }

        var instrument = market.FindInstrument(position.Symbol) ?? throw new InvalidOperationException($"No instrument {position.Symbol}.");
        var stopLoss = change.SetStopLoss ? change.StopLoss : position.StopLoss;
        var takeProfit = change.SetTakeProfit ? change.TakeProfit : position.TakeProfit;
        OrderValidator.ValidatePrice(instrument, stopLoss, "stopLoss");
        OrderValidator.ValidatePrice(instrument, takeProfit, "takeProfit");
        if (market.LatestQuote(position.Symbol) is { } quote)
        {
            OrderValidator.ValidateBracket(
                position.Side == PositionSide.Long ? OrderSide.Buy : OrderSide.Sell, position.MarkPrice(quote),
                change.SetStopLoss ? stopLoss : null, change.SetTakeProfit ? takeProfit : null);
        }

        position.StopLoss = stopLoss;
        position.TakeProfit = takeProfit;
        position.UpdatedAt = now;
        book.Events.Add(new PositionChanged(position, PositionAction.Updated, now));
    }

    /// <summary>
    /// Futures funding, settled through the ledger for every 00:00 UTC a position has been held over since it was
    /// opened or last funded: longs pay and shorts receive the instrument's daily rate on the marked notional.
    /// </summary>
    public static void SettleFunding(AccountBook book, IMarketView market, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(market);
        var today = now.UtcDateTime.Date;
        foreach (var position in book.OpenPositions)
        {
            if (market.FindInstrument(position.Symbol) is not { DailyFundingRate: not 0m } instrument || market.LatestQuote(position.Symbol) is not { } quote)
            {
                continue;
            }

            var since = (position.FundedAt ?? position.OpenedAt).UtcDateTime.Date;
            var days = (today - since).Days;
            if (days <= 0)
            {
                continue;
            }

            var amount = -position.Direction * instrument.DailyFundingRate * position.Quantity * position.MarkPrice(quote) * days;
            position.FundedAt = new DateTimeOffset(today, TimeSpan.Zero);
            book.Post(LedgerEntryType.Funding, LedgerAccounts.Funding, amount, position.Id.Value, now, (days, position),
                static s => $"Funding for {s.days} day(s) on {s.position.Quantity:G29} {s.position.Symbol} ({s.position.Side.ToString().ToUpperInvariant()})");
        }
    }
}
