using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Ledger;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;
using TradingPlatform.Trading.Tests.Support;

namespace TradingPlatform.Trading.Tests.Execution;

/// <summary>Netting, brackets, stop-loss, take-profit, liquidation, closing and funding.</summary>
public sealed class PositionTests
{
    private const string Btc = "BTC-USD";
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private readonly TestMarket _market = new();

    [Fact]
    public void Buy_two_then_sell_three_closes_the_long_with_realized_pnl_and_opens_a_short_of_one()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var buy = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 2m), _market, T0);
        var buyPrice = Assert.Single(book.FillsOf(buy)).Price;
        var instrument = _market.Instrument(Btc);

        _market.Set(Btc, 66_000m, 66_010m, T0.AddMinutes(1));
        var sell = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Sell, 3m), _market, T0.AddMinutes(1));

        var sellPrice = Expect.MarketPrice(instrument, sell, 66_000m, 3m, filledBefore: 0m);
        var fills = book.FillsOf(sell);
        Assert.Equal(2, fills.Count);
        Assert.Equal([2m, 1m], fills.Select(fill => fill.Quantity));
        Assert.All(fills, fill => Assert.Equal(sellPrice, fill.Price));
        var realized = Expect.Cents((sellPrice - buyPrice) * 2m);
        Assert.Equal(realized, fills[0].RealizedPnl);
        var commission = Expect.Commission(3m, sellPrice);
        Assert.Equal(commission, fills.Sum(fill => fill.Commission));
        Assert.Equal(commission, sell.Commission);

        var closed = book.PositionOf(fills[0]);
        Assert.Equal((false, 0m, 0m, realized, PositionCloseReason.Closed), (closed.IsOpen, closed.Quantity, closed.FilledQuantityTotal, closed.RealizedPnl, closed.CloseReason));
        var open = Assert.Single(book.OpenPositions);
        Assert.Equal((PositionSide.Short, 1m, sellPrice, 1m), (open.Side, open.Quantity, open.EntryPrice, open.FilledQuantityTotal));
        Assert.Equal(realized, book.Account.RealizedPnl);
        Assert.Equal(realized, Assert.Single(book.CashEntries(LedgerEntryType.TradePnl)).Amount);
        Assert.Equal(1_000_000m + realized - Expect.Commission(2m, buyPrice) - commission, book.Account.Balance);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Adding_to_a_position_averages_the_entry_price()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var first = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 1m), _market, T0);
        _market.Set(Btc, 64_000m, 64_010m, T0);
        var second = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 3m), _market, T0);

        var p1 = book.FillsOf(first)[0].Price;
        var p2 = book.FillsOf(second)[0].Price;
        var position = Assert.Single(book.OpenPositions);
        Assert.Equal((p1 + 3m * p2) / 4m, position.EntryPrice);
        Assert.Equal(p1 + 3m * p2, position.Margin);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Commission_is_charged_on_entry_and_exit_with_a_one_cent_minimum()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);

        // 0.0001 BTC ≈ $6.50 notional: 0.02% is $0.0013, so the minimum applies.
        ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 0.0001m), _market, T0);
        ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Sell, 0.0001m), _market, T0);
        Assert.Equal([-0.01m, -0.01m], book.CashEntries(LedgerEntryType.Commission).Select(entry => entry.Amount));

        var buy = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 1m), _market, T0);
        var sell = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Sell, 1m), _market, T0);
        var entry = book.FillsOf(buy)[0].Price;
        var exit = book.FillsOf(sell)[0].Price;
        Assert.Equal(
            [-0.01m, -0.01m, -Expect.Cents(entry * 0.0002m), -Expect.Cents(exit * 0.0002m)],
            book.CashEntries(LedgerEntryType.Commission).Select(e => e.Amount));
        Assert.All(book.CashEntries(LedgerEntryType.Commission), e => Assert.Equal(LedgerAccounts.Commissions,
            book.NewEntries.Single(other => other.TransactionId == e.TransactionId && other != e).Book));
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Bracket_on_the_order_lands_on_the_position_and_take_profit_fills_at_its_price_or_better()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book,
            Books.Market(Btc, OrderSide.Buy, 1m) with { StopLoss = 64_000m, TakeProfit = 66_000m }, _market, T0);
        var position = Assert.Single(book.OpenPositions);
        Assert.Equal((64_000m, 66_000m), (position.StopLoss, position.TakeProfit));
        var entry = book.FillsOf(order)[0].Price;

        Tick(book, 65_990m, 66_000m, T0.AddSeconds(1));
        Assert.True(position.IsOpen);

        // The bid gaps above the take-profit: the better bid is taken.
        Tick(book, 66_050m, 66_060m, T0.AddSeconds(2));
        Assert.False(position.IsOpen);
        Assert.Equal((PositionCloseReason.TakeProfit, 66_050m), (position.CloseReason, position.ClosePrice));
        var close = Assert.Single(book.NewOrders, o => o.Origin == OrderOrigin.TakeProfit);
        Assert.Equal((OrderStatus.Filled, Liquidity.Maker), (close.Status, book.FillsOf(close)[0].Liquidity));
        Assert.Equal(Expect.Cents(66_050m - entry), position.RealizedPnl);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Take_profit_reached_exactly_fills_at_the_take_profit()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Sell, 1m) with { TakeProfit = 64_000m }, _market, T0);

        Tick(book, 63_990m, 64_000m, T0.AddSeconds(1));

        var position = Assert.Single(book.NewPositions);
        Assert.Equal((PositionCloseReason.TakeProfit, 64_000m), (position.CloseReason, position.ClosePrice));
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Stop_loss_triggers_on_the_mark_and_fills_at_the_market_even_through_a_gap()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 1m) with { StopLoss = 64_000m }, _market, T0);
        var position = Assert.Single(book.OpenPositions);

        Tick(book, 64_000.01m, 64_010m, T0.AddSeconds(1));
        Assert.True(position.IsOpen);

        Tick(book, 63_500m, 63_510m, T0.AddSeconds(2));
        var close = Assert.Single(book.NewOrders, o => o.Origin == OrderOrigin.StopLoss);
        var expected = Expect.MarketPrice(_market.Instrument(Btc), close, 63_500m, 1m, filledBefore: 0m);
        Assert.Equal(expected, position.ClosePrice);
        Assert.True(position.ClosePrice < 64_000m);
        Assert.Equal(PositionCloseReason.StopLoss, position.CloseReason);
        Assert.Empty(book.OpenPositions);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Liquidation_closes_a_leveraged_position_at_its_liquidation_price_through_the_ledger()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 1m, leverage: 20), _market, T0);
        var entry = book.FillsOf(order)[0].Price;
        var position = Assert.Single(book.OpenPositions);
        Assert.Equal(entry / 20m, position.Margin);

        // Long at 20x with 0.5% maintenance: liquidated after a loss of 1/20 − 0.5% = 4.5% of the entry.
        var liquidation = Math.Round(entry * (1m - 0.045m) / 0.01m, MidpointRounding.AwayFromZero) * 0.01m;
        Assert.Equal(liquidation, position.LiquidationPrice);

        Tick(book, liquidation + 0.01m, liquidation + 10m, T0.AddSeconds(1));
        Assert.True(position.IsOpen);

        Tick(book, liquidation - 5m, liquidation + 5m, T0.AddSeconds(2));
        Assert.False(position.IsOpen);
        Assert.Equal(PositionCloseReason.Liquidation, position.CloseReason);
        var close = Assert.Single(book.NewOrders, o => o.Origin == OrderOrigin.Liquidation);
        var price = Expect.MarketPrice(_market.Instrument(Btc), close, liquidation - 5m, 1m, filledBefore: 0m);
        var loss = Assert.Single(book.CashEntries(LedgerEntryType.Liquidation));
        Assert.Equal(Expect.Cents(price - entry), loss.Amount);
        Assert.True(-loss.Amount <= entry / 20m + entry * 0.011m); // the margin, plus at most the slippage
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Short_liquidation_price_sits_above_the_entry()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Sell, 1m, leverage: 10), _market, T0);
        var entry = book.FillsOf(order)[0].Price;

        var expected = Math.Round(entry * (1m + 0.1m - 0.005m) / 0.01m, MidpointRounding.AwayFromZero) * 0.01m;
        Assert.Equal(expected, Assert.Single(book.OpenPositions).LiquidationPrice);
    }

    [Fact]
    public void Partial_close_reduces_the_position_at_the_market_and_a_full_close_ends_it()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var buy = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 2m, leverage: 4), _market, T0);
        var entry = book.FillsOf(buy)[0].Price;
        var position = Assert.Single(book.OpenPositions);
        var margin = position.Margin;

        _market.Set(Btc, 65_500m, 65_510m, T0.AddMinutes(1));
        var close = ExecutionSimulator.ClosePosition(book, position, 0.5m, _market, T0.AddMinutes(1));

        var price = Expect.MarketPrice(_market.Instrument(Btc), close, 65_500m, 0.5m, filledBefore: 0m);
        Assert.Equal((OrderStatus.Filled, OrderOrigin.ManualClose, price), (close.Status, close.Origin, close.AveragePrice));
        Assert.Equal((1.5m, entry, margin * 0.75m), (position.Quantity, position.EntryPrice, position.Margin));
        Assert.Equal(Expect.Cents((price - entry) * 0.5m), position.RealizedPnl);

        AssertInvalid("quantity", () => ExecutionSimulator.ClosePosition(book, position, 2m, _market, T0.AddMinutes(1)));
        AssertInvalid("quantity", () => ExecutionSimulator.ClosePosition(book, position, 0.00005m, _market, T0.AddMinutes(1)));
        AssertInvalid("quantity", () => ExecutionSimulator.ClosePosition(book, position, 0m, _market, T0.AddMinutes(1)));

        ExecutionSimulator.ClosePosition(book, position, null, _market, T0.AddMinutes(2));
        Assert.False(position.IsOpen);
        Assert.Equal(0m, position.Margin);
        var again = Assert.Throws<TradingException>(() => ExecutionSimulator.ClosePosition(book, position, null, _market, T0.AddMinutes(3)));
        Assert.Equal(TradingErrorKind.Conflict, again.Kind);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void SetProtection_checks_levels_against_the_mark_and_can_clear_them()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 1m), _market, T0);
        var position = Assert.Single(book.OpenPositions);

        AssertInvalid("stopLoss", () => ExecutionSimulator.SetProtection(book, position, new ProtectionChange(true, 65_000m, false, null), _market, T0));
        AssertInvalid("takeProfit", () => ExecutionSimulator.SetProtection(book, position, new ProtectionChange(false, null, true, 64_000m), _market, T0));
        AssertInvalid("stopLoss", () => ExecutionSimulator.SetProtection(book, position, new ProtectionChange(true, 64_000.005m, false, null), _market, T0));
        AssertInvalid("takeProfit", () => ExecutionSimulator.SetProtection(book, position, new ProtectionChange(false, null, true, -1m), _market, T0));
        Assert.Equal((null, null), (position.StopLoss, position.TakeProfit));

        ExecutionSimulator.SetProtection(book, position, new ProtectionChange(true, 64_000m, true, 67_000m), _market, T0);
        Assert.Equal((64_000m, 67_000m), (position.StopLoss, position.TakeProfit));
        ExecutionSimulator.SetProtection(book, position, new ProtectionChange(true, null, false, null), _market, T0);
        Assert.Equal((null, 67_000m), (position.StopLoss, position.TakeProfit));

        ExecutionSimulator.ClosePosition(book, position, null, _market, T0);
        var closed = Assert.Throws<TradingException>(() =>
            ExecutionSimulator.SetProtection(book, position, new ProtectionChange(true, 60_000m, false, null), _market, T0));
        Assert.Equal(TradingErrorKind.Conflict, closed.Kind);
    }

    [Fact]
    public void Futures_pay_funding_for_each_midnight_held_longs_pay_shorts_receive()
    {
        const string fut = "BTC-FUT";
        var longBook = Books.Funded(1_000_000m, T0);
        var shortBook = Books.Funded(1_000_000m, T0);
        _market.Set(fut, 65_000m, 65_020m, T0);
        ExecutionSimulator.Place(longBook, Books.Market(fut, OrderSide.Buy, 2m, leverage: 10), _market, T0);
        ExecutionSimulator.Place(shortBook, Books.Market(fut, OrderSide.Sell, 2m, leverage: 10), _market, T0);

        var sameDay = T0.AddHours(8); // 23:00 UTC, still Monday
        ExecutionSimulator.SettleFunding(longBook, _market, sameDay);
        Assert.Empty(longBook.CashEntries(LedgerEntryType.Funding));

        var nextDay = DateTimeOffset.Parse("2026-11-24T00:30:00Z", System.Globalization.CultureInfo.InvariantCulture);
        _market.Set(fut, 66_000m, 66_020m, nextDay);
        ExecutionSimulator.SettleFunding(longBook, _market, nextDay);
        ExecutionSimulator.SettleFunding(shortBook, _market, nextDay);
        ExecutionSimulator.SettleFunding(longBook, _market, nextDay.AddHours(1)); // once per day

        Assert.Equal(-Expect.Cents(0.0003m * 2m * 66_000m), Assert.Single(longBook.CashEntries(LedgerEntryType.Funding)).Amount);
        Assert.Equal(Expect.Cents(0.0003m * 2m * 66_020m), Assert.Single(shortBook.CashEntries(LedgerEntryType.Funding)).Amount);

        // Two midnights later: two days at once.
        var later = DateTimeOffset.Parse("2026-11-26T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        ExecutionSimulator.SettleFunding(longBook, _market, later);
        Assert.Equal(-Expect.Cents(0.0003m * 2m * 66_000m * 2m), longBook.CashEntries(LedgerEntryType.Funding).Last().Amount);

        // Spot instruments pay no funding.
        var spot = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        ExecutionSimulator.Place(spot, Books.Market(Btc, OrderSide.Buy, 1m), _market, T0);
        ExecutionSimulator.SettleFunding(spot, _market, later);
        Assert.Empty(spot.CashEntries(LedgerEntryType.Funding));
        Invariants.AssertAll(longBook);
        Invariants.AssertAll(shortBook);
    }

    private void Tick(AccountBook book, decimal bid, decimal ask, DateTimeOffset at) =>
        ExecutionSimulator.OnQuote(book, _market.Set(Btc, bid, ask, at), _market, at);

    private static void AssertInvalid(string field, Action action)
    {
        var error = Assert.Throws<TradingException>(action);
        Assert.Equal((TradingErrorKind.Validation, field), (error.Kind, error.Field));
    }
}
