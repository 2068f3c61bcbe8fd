using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Ledger;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Tests.Support;

namespace TradingPlatform.Trading.Tests.Execution;

/// <summary>GTC, IOC, FOK and DAY, and partial fills when an order is larger than the size shown at the touch.</summary>
public sealed class TimeInForceTests
{
    private const string Btc = "BTC-USD";
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private readonly TestMarket _market = new();

    [Fact]
    public void A_large_market_order_fills_the_shown_size_on_each_tick_until_done()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0, askSize: 5m);
        var instrument = _market.Instrument(Btc);

        var order = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 12m), _market, T0);
        Assert.Equal((OrderStatus.PartiallyFilled, 5m), (order.Status, order.FilledQuantity));
        Assert.Contains(order, book.WorkingOrders);

        Tick(book, 65_100m, 65_110m, T0.AddSeconds(1), askSize: 5m);
        Tick(book, 65_200m, 65_210m, T0.AddSeconds(2), askSize: 5m);

        var fills = book.FillsOf(order);
        Assert.Equal([5m, 5m, 2m], fills.Select(fill => fill.Quantity));
        Assert.Equal(Expect.MarketPrice(instrument, order, 65_010m, 5m, filledBefore: 0m), fills[0].Price);
        Assert.Equal(Expect.MarketPrice(instrument, order, 65_110m, 5m, filledBefore: 5m), fills[1].Price);
        Assert.Equal(Expect.MarketPrice(instrument, order, 65_210m, 2m, filledBefore: 10m), fills[2].Price);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(fills.Sum(fill => fill.Price * fill.Quantity) / 12m, order.AveragePrice);
        Assert.Equal(fills.Sum(fill => Expect.Commission(fill.Quantity, fill.Price)), order.Commission);
        Assert.Equal(12m, Assert.Single(book.OpenPositions).Quantity);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Resting_orders_share_the_size_of_a_tick_oldest_first()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var first = ExecutionSimulator.Place(book, Books.Limit(Btc, OrderSide.Buy, 4m, 64_500m), _market, T0);
        var second = ExecutionSimulator.Place(book, Books.Limit(Btc, OrderSide.Buy, 4m, 64_500m), _market, T0.AddSeconds(1));

        Tick(book, 64_490m, 64_500m, T0.AddSeconds(2), askSize: 5m);

        Assert.Equal((OrderStatus.Filled, 4m), (first.Status, first.FilledQuantity));
        Assert.Equal((OrderStatus.PartiallyFilled, 1m), (second.Status, second.FilledQuantity));
        Tick(book, 64_490m, 64_500m, T0.AddSeconds(3), askSize: 5m);
        Assert.Equal(OrderStatus.Filled, second.Status);
        Assert.All(book.NewFills, fill => Assert.Equal((64_500m, Liquidity.Maker), (fill.Price, fill.Liquidity)));
        Invariants.AssertAll(book);
    }

    [Fact]
    public void GTC_market_order_with_nothing_shown_rests_until_a_tick_has_size()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0, askSize: 0m);

        var order = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 1m), _market, T0);
        Assert.Equal(OrderStatus.Open, order.Status);

        Tick(book, 65_000m, 65_010m, T0.AddSeconds(1), askSize: 5m);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void IOC_fills_what_is_shown_and_cancels_the_rest()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0, askSize: 5m);

        var order = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 12m, TimeInForce.Ioc), _market, T0);

        Assert.Equal((OrderStatus.Cancelled, 5m), (order.Status, order.FilledQuantity));
        Assert.Equal([OrderStatus.PartiallyFilled, OrderStatus.Cancelled], order.History.Select(change => change.To));
        Assert.Empty(book.WorkingOrders);
        Assert.Equal(5m, Assert.Single(book.OpenPositions).Quantity);
        Tick(book, 65_000m, 65_010m, T0.AddSeconds(1));
        Assert.Equal(5m, order.FilledQuantity);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void IOC_limit_that_is_not_marketable_is_cancelled_without_a_fill()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);

        var order = ExecutionSimulator.Place(book, Books.Limit(Btc, OrderSide.Buy, 1m, 64_000m, TimeInForce.Ioc), _market, T0);

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Empty(book.NewFills);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void FOK_larger_than_the_shown_size_is_cancelled_without_any_fill()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0, askSize: 5m);

        var order = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 6m, TimeInForce.Fok), _market, T0);

        Assert.Equal((OrderStatus.Cancelled, 0m), (order.Status, order.FilledQuantity));
        Assert.Empty(book.NewFills);
        Assert.Empty(book.OpenPositions);
        Assert.Equal(1_000_000m, book.Account.Balance);
        Assert.Single(book.CashEntries()); // the initial deposit only

        var whole = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 5m, TimeInForce.Fok), _market, T0);
        Assert.Equal((OrderStatus.Filled, 5m), (whole.Status, whole.FilledQuantity));
        Invariants.AssertAll(book);
    }

    [Fact]
    public void IOC_stop_rests_until_it_triggers_then_fills_what_is_shown_and_cancels_the_rest()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);

        var order = ExecutionSimulator.Place(book, Books.Stop(Btc, OrderSide.Buy, 8m, 65_100m, TimeInForce.Ioc), _market, T0);
        Assert.Equal(OrderStatus.Open, order.Status);

        Tick(book, 65_100m, 65_110m, T0.AddSeconds(1), askSize: 5m);
        Assert.Equal((OrderStatus.Cancelled, 5m), (order.Status, order.FilledQuantity));
        Invariants.AssertAll(book);
    }

    [Fact]
    public void FOK_stop_that_triggers_without_enough_size_is_cancelled_unfilled()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);

        var order = ExecutionSimulator.Place(book, Books.Stop(Btc, OrderSide.Sell, 8m, 64_900m, TimeInForce.Fok), _market, T0);
        Assert.Equal(OrderStatus.Open, order.Status);

        Tick(book, 64_890m, 64_900m, T0.AddSeconds(1), bidSize: 5m);
        Assert.Equal((OrderStatus.Cancelled, 0m), (order.Status, order.FilledQuantity));
        Assert.Empty(book.NewFills);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void IOC_stop_limit_whose_limit_is_out_of_reach_when_it_triggers_is_cancelled()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book, Books.StopLimit(Btc, OrderSide.Buy, 1m, 65_100m, 65_120m, TimeInForce.Ioc), _market, T0);

        Tick(book, 65_190m, 65_200m, T0.AddSeconds(1));

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Tick(book, 65_100m, 65_110m, T0.AddSeconds(2));
        Assert.Empty(book.NewFills);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void GTC_rests_across_days()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book, Books.Limit(Btc, OrderSide.Buy, 1m, 60_000m), _market, T0);

        Tick(book, 65_000m, 65_010m, T0.AddDays(3));
        ExecutionSimulator.ExpireOrders(book, T0.AddDays(30));

        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.Null(order.ExpiresAt);
    }

    [Fact]
    public void DAY_order_on_a_24_7_market_expires_at_midnight_UTC()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book, Books.Limit(Btc, OrderSide.Buy, 1m, 60_000m, TimeInForce.Day), _market, T0);
        var midnight = DateTimeOffset.Parse("2026-11-24T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(midnight, order.ExpiresAt);

        ExecutionSimulator.ExpireOrders(book, midnight.AddTicks(-1));
        Assert.Equal(OrderStatus.Open, order.Status);

        ExecutionSimulator.ExpireOrders(book, midnight);
        Assert.Equal(OrderStatus.Expired, order.Status);
        Assert.Empty(book.WorkingOrders);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void DAY_order_on_a_stock_expires_with_the_session_on_the_next_tick()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set("AAPL", 230.00m, 230.05m, T0);
        var order = ExecutionSimulator.Place(book, Books.Limit("AAPL", OrderSide.Buy, 10m, 225m, TimeInForce.Day), _market, T0);
        var close = DateTimeOffset.Parse("2026-11-23T21:00:00Z", System.Globalization.CultureInfo.InvariantCulture); // 16:00 New York

        ExecutionSimulator.OnQuote(book, _market.Set("AAPL", 229m, 229.05m, close.AddMinutes(-1)), _market, close.AddMinutes(-1));
        Assert.Equal(OrderStatus.Open, order.Status);

        // Even a quote that would have filled it comes too late.
        ExecutionSimulator.OnQuote(book, _market.Set("AAPL", 224m, 224.05m, close), _market, close);
        Assert.Equal(OrderStatus.Expired, order.Status);
        Assert.Empty(book.NewFills);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void DAY_order_that_partly_filled_expires_with_its_fills_kept()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0, askSize: 2m);
        var order = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 3m, TimeInForce.Day), _market, T0);
        Assert.Equal(2m, order.FilledQuantity);

        ExecutionSimulator.ExpireOrders(book, T0.AddDays(1));

        Assert.Equal([OrderStatus.PartiallyFilled, OrderStatus.Expired], order.History.Select(change => change.To));
        Assert.Equal(2m, Assert.Single(book.OpenPositions).Quantity);
        Assert.DoesNotContain(book.CashEntries(), entry => entry.Type == LedgerEntryType.Adjustment);
        Invariants.AssertAll(book);
    }

    private void Tick(AccountBook book, decimal bid, decimal ask, DateTimeOffset at, decimal? bidSize = null, decimal? askSize = null) =>
        ExecutionSimulator.OnQuote(book, _market.Set(Btc, bid, ask, at, bidSize, askSize), _market, at);
}
