using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;
using TradingPlatform.Trading.Tests.Support;

namespace TradingPlatform.Trading.Tests.Execution;

/// <summary>Each order kind placed, resting and filled, with prices computed from the instrument's parameters.</summary>
public sealed class OrderTypeTests
{
    private const string Btc = "BTC-USD";
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private readonly TestMarket _market = new();

    [Fact]
    public void Market_buy_fills_at_the_ask_plus_seeded_slippage_and_pays_commission()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);

        var order = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 1m), _market, T0);

        var instrument = _market.Instrument(Btc);
        var price = Expect.MarketPrice(instrument, order, 65_010m, 1m, filledBefore: 0m);
        Assert.True(price > 65_010m);
        Assert.Equal(OrderStatus.Filled, order.Status);
        var fill = Assert.Single(book.NewFills);
        Assert.Equal(price, fill.Price);
        Assert.Equal(Liquidity.Taker, fill.Liquidity);
        Assert.Equal(Expect.Commission(1m, price), fill.Commission);
        var position = Assert.Single(book.OpenPositions);
        Assert.Equal((PositionSide.Long, 1m, price), (position.Side, position.Quantity, position.EntryPrice));
        Assert.Equal(100_000m - Expect.Commission(1m, price), book.Account.Balance);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Market_sell_fills_at_the_bid_minus_slippage()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);

        var order = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Sell, 2m, leverage: 2), _market, T0);

        var price = Expect.MarketPrice(_market.Instrument(Btc), order, 65_000m, 2m, filledBefore: 0m);
        Assert.True(price < 65_000m);
        Assert.Equal(price, Assert.Single(book.NewFills).Price);
        Assert.Equal(PositionSide.Short, Assert.Single(book.OpenPositions).Side);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Slippage_is_capped_at_one_percent_and_reproducible_from_the_order_id()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0, askSize: 100m);

        // Size impact 0.1% per BTC × 100 BTC = 10%: the cap applies.
        var order = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 100m, leverage: 20), _market, T0);

        var capped = Math.Round(65_010m * 1.01m / 0.01m, MidpointRounding.AwayFromZero) * 0.01m;
        Assert.Equal(capped, Assert.Single(book.NewFills).Price);
        Assert.Equal(SeededNoise.Symmetric(order.Id.Value, 3), SeededNoise.Symmetric(order.Id.Value, 3));
        Assert.InRange(SeededNoise.Symmetric(order.Id.Value, 0), -1m, 1m);
        Assert.Equal(ExecutionCosts.SlippageFraction(_market.Instrument(Btc), 1m, order.Id.Value, 0), Expect.Slippage(_market.Instrument(Btc), 1m, order.Id, 0m));
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Resting_limit_fills_at_its_price_or_better_never_worse()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book, Books.Limit(Btc, OrderSide.Buy, 1m, 64_900m), _market, T0);
        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.Empty(book.NewFills);

        Tick(book, 64_950m, 64_960m, T0.AddSeconds(1));
        Assert.Equal(OrderStatus.Open, order.Status);

        // The market gaps through the limit: the buyer gets the better ask, as a maker, no slippage.
        Tick(book, 64_800m, 64_810m, T0.AddSeconds(2));
        var fill = Assert.Single(book.NewFills);
        Assert.Equal((64_810m, Liquidity.Maker), (fill.Price, fill.Liquidity));
        Assert.Equal(OrderStatus.Filled, order.Status);

        var sell = ExecutionSimulator.Place(book, Books.Limit(Btc, OrderSide.Sell, 1m, 65_000m), _market, T0.AddSeconds(3));
        Tick(book, 65_000m, 65_010m, T0.AddSeconds(4));
        Assert.Equal(65_000m, Assert.Single(book.FillsOf(sell)).Price);
        Assert.Empty(book.OpenPositions);
        Invariants.AssertAll(book);
    }

    [Theory]
    [InlineData(65_010)] // at the ask: any slippage would cross the limit
    [InlineData(65_050)] // a little above: slippage of 0.5% is capped there
    [InlineData(70_000)] // far above: the slipped ask is better than the limit
    public void Marketable_limit_takes_slippage_but_never_beyond_its_limit(int limit)
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);

        var order = ExecutionSimulator.Place(book, Books.Limit(Btc, OrderSide.Buy, 5m, limit), _market, T0);

        var slipped = Expect.MarketPrice(_market.Instrument(Btc), order, 65_010m, 5m, filledBefore: 0m);
        var fill = Assert.Single(book.NewFills);
        Assert.Equal(Math.Min(slipped, limit), fill.Price);
        Assert.True(fill.Price <= limit);
        Assert.Equal(Liquidity.Taker, fill.Liquidity);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Marketable_sell_limit_never_fills_below_its_limit()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);

        ExecutionSimulator.Place(book, Books.Limit(Btc, OrderSide.Sell, 5m, 64_990m), _market, T0);

        var fill = Assert.Single(book.NewFills);
        Assert.Equal(64_990m, fill.Price); // 5 BTC slip ~0.5%, far below the limit: capped
    }

    [Fact]
    public void Stop_triggers_on_the_touch_and_fills_at_the_market()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book, Books.Stop(Btc, OrderSide.Buy, 1m, 65_100m), _market, T0);
        Assert.Equal(OrderStatus.Open, order.Status);

        Tick(book, 65_080m, 65_090m, T0.AddSeconds(1));
        Assert.False(order.Triggered);
        Assert.Empty(book.NewFills);

        Tick(book, 65_095m, 65_105m, T0.AddSeconds(2));
        var expected = Expect.MarketPrice(_market.Instrument(Btc), order, 65_105m, 1m, filledBefore: 0m);
        Assert.Equal(expected, Assert.Single(book.NewFills).Price);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void A_gap_through_a_stop_fills_at_the_gapped_market_worse_than_the_stop()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book, Books.Stop(Btc, OrderSide.Sell, 1m, 64_000m), _market, T0);

        Tick(book, 63_000m, 63_010m, T0.AddSeconds(1));

        var expected = Expect.MarketPrice(_market.Instrument(Btc), order, 63_000m, 1m, filledBefore: 0m);
        var fill = Assert.Single(book.NewFills);
        Assert.Equal(expected, fill.Price);
        Assert.True(fill.Price < 64_000m);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Stop_limit_triggers_then_waits_for_its_limit()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book, Books.StopLimit(Btc, OrderSide.Buy, 1m, 65_100m, 65_150m), _market, T0);

        // Gaps above the limit: triggered, but the limit is not reached.
        Tick(book, 65_190m, 65_200m, T0.AddSeconds(1));
        Assert.True(order.Triggered);
        Assert.Empty(book.NewFills);
        Assert.Equal(OrderStatus.Open, order.Status);

        Tick(book, 65_110m, 65_120m, T0.AddSeconds(2));
        var fill = Assert.Single(book.NewFills);
        Assert.Equal((65_120m, Liquidity.Maker), (fill.Price, fill.Liquidity));
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Trailing_stop_by_amount_follows_the_best_bid_and_fills_at_the_market()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book,
            new OrderRequest { Symbol = Btc, Type = OrderType.TrailingStop, Side = OrderSide.Sell, Quantity = 1m, TrailAmount = 100m }, _market, T0);
        Assert.Equal(64_900m, order.StopPrice);

        Tick(book, 65_300m, 65_310m, T0.AddSeconds(1));
        Assert.Equal(65_200m, order.StopPrice);
        Tick(book, 65_250m, 65_260m, T0.AddSeconds(2)); // a retreat does not lower the stop
        Assert.Equal(65_200m, order.StopPrice);
        Assert.Empty(book.NewFills);

        Tick(book, 65_190m, 65_200m, T0.AddSeconds(3));
        var expected = Expect.MarketPrice(_market.Instrument(Btc), order, 65_190m, 1m, filledBefore: 0m);
        Assert.Equal(expected, Assert.Single(book.NewFills).Price);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Trailing_stop_by_percent_follows_the_best_ask_for_a_buy()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book,
            new OrderRequest { Symbol = Btc, Type = OrderType.TrailingStop, Side = OrderSide.Buy, Quantity = 1m, TrailPercent = 1m }, _market, T0);
        Assert.Equal(Math.Round(65_010m * 1.01m, 2, MidpointRounding.AwayFromZero), order.StopPrice);

        Tick(book, 63_990m, 64_000m, T0.AddSeconds(1));
        Assert.Equal(64_640m, order.StopPrice);
        Tick(book, 64_600m, 64_610m, T0.AddSeconds(2));
        Assert.Empty(book.NewFills);

        Tick(book, 64_640m, 64_650m, T0.AddSeconds(3));
        var expected = Expect.MarketPrice(_market.Instrument(Btc), order, 64_650m, 1m, filledBefore: 0m);
        Assert.Equal(expected, Assert.Single(book.NewFills).Price);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void A_sell_trail_larger_than_the_price_is_refused()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);

        var error = Assert.Throws<TradingException>(() => ExecutionSimulator.Place(book,
            new OrderRequest { Symbol = Btc, Type = OrderType.TrailingStop, Side = OrderSide.Sell, Quantity = 1m, TrailAmount = 70_000m }, _market, T0));

        Assert.Equal((TradingErrorKind.Validation, "trailAmount"), (error.Kind, error.Field));
        Assert.Empty(book.NewOrders);
        Assert.Equal(100_000m, MarginCalculator.Snapshot(book, _market).MarginAvailable);
    }

    [Fact]
    public void Modifying_a_limit_to_a_marketable_price_fills_it_and_a_filled_order_is_a_conflict()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book, Books.Limit(Btc, OrderSide.Buy, 1m, 64_000m), _market, T0);

        ExecutionSimulator.Modify(book, order, new OrderModification { Price = 65_020m }, _market, T0.AddSeconds(1));

        var slipped = Expect.MarketPrice(_market.Instrument(Btc), order, 65_010m, 1m, filledBefore: 0m);
        Assert.Equal(Math.Min(slipped, 65_020m), Assert.Single(book.NewFills).Price);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Empty(book.WorkingOrders);

        var modify = Assert.Throws<TradingException>(() =>
            ExecutionSimulator.Modify(book, order, new OrderModification { Price = 65_030m }, _market, T0.AddSeconds(2)));
        Assert.Equal(TradingErrorKind.Conflict, modify.Kind);
        var cancel = Assert.Throws<TradingException>(() => ExecutionSimulator.Cancel(book, order, T0.AddSeconds(2)));
        Assert.Equal(TradingErrorKind.Conflict, cancel.Kind);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Modify_changes_quantity_and_price_of_a_resting_order_and_validates_them()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book, Books.Limit(Btc, OrderSide.Buy, 1m, 64_000m), _market, T0);

        ExecutionSimulator.Modify(book, order, new OrderModification { Quantity = 0.5m, Price = 64_500m }, _market, T0.AddSeconds(1));
        Assert.Equal((0.5m, 64_500m, OrderStatus.Open), (order.Quantity, order.Price, order.Status));

        AssertInvalid("price", () => ExecutionSimulator.Modify(book, order, new OrderModification { Price = 64_500.005m }, _market, T0));
        AssertInvalid("quantity", () => ExecutionSimulator.Modify(book, order, new OrderModification { Quantity = 0.00015m }, _market, T0));
        AssertInvalid("stopPrice", () => ExecutionSimulator.Modify(book, order, new OrderModification { StopPrice = 66_000m }, _market, T0));
        Assert.Equal((0.5m, 64_500m), (order.Quantity, order.Price));
        Invariants.AssertAll(book);
    }

    [Fact]
    public void Cancel_ends_a_working_order_and_frees_its_margin()
    {
        var book = Books.Funded(100_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book, Books.Limit(Btc, OrderSide.Buy, 1m, 64_000m), _market, T0);
        Assert.Equal(64_000m, MarginCalculator.Snapshot(book, _market).MarginReserved);

        ExecutionSimulator.Cancel(book, order, T0.AddSeconds(1));

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Empty(book.WorkingOrders);
        Assert.Equal(0m, MarginCalculator.Snapshot(book, _market).MarginReserved);
        Tick(book, 63_000m, 63_010m, T0.AddSeconds(2));
        Assert.Empty(book.NewFills);
        Invariants.AssertAll(book);
    }

    private void Tick(AccountBook book, decimal bid, decimal ask, DateTimeOffset at) =>
        ExecutionSimulator.OnQuote(book, _market.Set(Btc, bid, ask, at), _market, at);

    private static void AssertInvalid(string field, Action action)
    {
        var error = Assert.Throws<TradingException>(action);
        Assert.Equal((TradingErrorKind.Validation, field), (error.Kind, error.Field));
    }
}
