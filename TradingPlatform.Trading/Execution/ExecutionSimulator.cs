using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Execution;

/// <summary>
/// The paper venue (seed 004's execution simulator). It accepts, modifies and cancels orders against one account's
/// <see cref="AccountBook"/>, and on every tick fills what the tick reaches: market orders at the touch plus slippage,
/// limits at their price or better, stops at the market once triggered (a gap through a stop fills at the market),
/// trailing stops after their trail. Only the quantity shown at the touch fills per tick (partial fills), which IOC and
/// FOK respect. It has no I/O and no clock: the caller passes the time and persists what changed.
/// </summary>
/// <remarks>
/// This class is the venue's entry point; the work is split by responsibility: <see cref="OrderEntry"/> (place, modify,
/// cancel), <see cref="TickMatching"/> (what a tick fills), <see cref="StopTriggers"/> and <see cref="ProtectionTriggers"/>
/// (stops, trailing stops; stop-loss, take-profit, liquidation), <see cref="OrderExecution"/> (one order's fill), with
/// the marketability rule in <see cref="OrderMarketability"/>.
/// </remarks>
public static partial class ExecutionSimulator
{
    /// <summary>Validates, checks margin and market hours, accepts the order and executes what is marketable at once.</summary>
    public static Order Place(AccountBook book, OrderRequest request, IMarketView market, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(market);
        return OrderEntry.Place(book, request, market, now);
    }

    /// <summary>Changes a working order (seed 001's PUT); anything no longer working is a conflict.</summary>
    public static void Modify(AccountBook book, Order order, OrderModification change, IMarketView market, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(market);
        OrderEntry.Modify(book, order, change, market, now);
    }

    public static void Cancel(AccountBook book, Order order, DateTimeOffset now, string reason = "Cancelled by the client")
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(order);
        OrderEntry.Cancel(book, order, now, reason);
    }

    /// <summary>
    /// Everything a tick does to the account: expires DAY orders past their session, moves trailing stops, triggers
    /// stops, fills what the tick reaches (oldest order first), then checks liquidation, stop-loss and take-profit.
    /// </summary>
    public static void OnQuote(AccountBook book, Quote quote, IMarketView market, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(market);
        if (market.FindInstrument(quote.Symbol) is not { } instrument)
        {
            return;
        }

        RollDay(book, market, now);
        TickMatching.Match(book, instrument, quote, market, now);
        ProtectionTriggers.Apply(book, instrument, quote, market, now);
    }

    /// <summary>Working DAY orders whose session has ended expire.</summary>
    public static void ExpireOrders(AccountBook book, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        TickMatching.ExpireOrders(book, now);
    }

    /// <summary>Starts a new trading day (UTC) for the daily loss limit and day P&amp;L.</summary>
    public static void RollDay(AccountBook book, IMarketView market, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (book.Account.TradingDay != today)
        {
            book.Account.DayStartEquity = MarginCalculator.Equity(book, market);
            book.Account.TradingDay = today;
        }
    }

    internal static Quote RequireOpenMarket(Instrument instrument, IMarketView market, DateTimeOffset now)
    {
        if (!instrument.Hours.IsOpen(now))
        {
            throw new TradingException(TradingErrorKind.MarketClosed,
                $"The {instrument.Symbol} market is closed; it trades {instrument.Hours.Description}.");
        }

        return market.LatestQuote(instrument.Symbol)
            ?? throw new TradingException(TradingErrorKind.NoPrice, $"There is no price for {instrument.Symbol} yet; retry in a few seconds.");
    }

    /// <summary>Books a fill of the whole quantity at once (the platform's closing orders).</summary>
    internal static void FillCompletely(AccountBook book, Order order, Instrument instrument, decimal price, Liquidity liquidity, DateTimeOffset at) =>
        PositionKeeper.Book(book, order, instrument, order.RemainingQuantity, price, liquidity, at);
}
