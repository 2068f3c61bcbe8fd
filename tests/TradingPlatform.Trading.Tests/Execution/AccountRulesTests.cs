using System.Globalization;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Ledger;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Tests.Support;

namespace TradingPlatform.Trading.Tests.Execution;

/// <summary>What is refused before anything is written: bad fields, closed markets, missing margin, leverage, loss limits.</summary>
public sealed class AccountRulesTests
{
    private const string Btc = "BTC-USD";
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T15:00:00Z", CultureInfo.InvariantCulture);

    private readonly TestMarket _market = new();

    public AccountRulesTests() => _market.Set(Btc, 65_000m, 65_010m, T0);

    public static TheoryData<string, OrderRequest> InvalidRequests => new()
    {
        { "price", Books.Limit(Btc, OrderSide.Buy, 1m, 64_000.005m) },
        { "price", Books.Limit(Btc, OrderSide.Buy, 1m, -5m) },
        { "price", Books.Limit(Btc, OrderSide.Buy, 1m, 0m) },
        { "price", Books.Limit(Btc, OrderSide.Buy, 1m, decimal.MaxValue) },
        { "price", Books.Market(Btc, OrderSide.Buy, 1m) with { Price = 65_000m } },
        { "price", new OrderRequest { Symbol = Btc, Type = OrderType.Limit, Side = OrderSide.Buy, Quantity = 1m } },
        { "quantity", Books.Market(Btc, OrderSide.Buy, 0.00015m) },
        { "quantity", Books.Market(Btc, OrderSide.Buy, 0.00001m) },
        { "quantity", Books.Market(Btc, OrderSide.Buy, 100.0001m) },
        { "quantity", Books.Market(Btc, OrderSide.Buy, 0m) },
        { "quantity", Books.Market(Btc, OrderSide.Buy, -1m) },
        { "quantity", Books.Market(Btc, OrderSide.Buy, decimal.MaxValue) },
        { "stopPrice", new OrderRequest { Symbol = Btc, Type = OrderType.StopLimit, Side = OrderSide.Buy, Quantity = 1m, Price = 66_000m } },
        { "stopPrice", Books.Stop(Btc, OrderSide.Buy, 1m, 64_000m) }, // a buy stop below the ask would trigger at once
        { "stopPrice", Books.Stop(Btc, OrderSide.Sell, 1m, 66_000m) },
        { "stopPrice", Books.Stop(Btc, OrderSide.Buy, 1m, 66_000.001m) },
        { "stopLoss", Books.Market(Btc, OrderSide.Buy, 1m) with { StopLoss = 66_000m } },
        { "stopLoss", Books.Market(Btc, OrderSide.Buy, 1m) with { StopLoss = 60_000.001m } },
        { "takeProfit", Books.Market(Btc, OrderSide.Buy, 1m) with { TakeProfit = 64_000m } },
        { "takeProfit", Books.Market(Btc, OrderSide.Sell, 1m) with { TakeProfit = 66_000m } },
        { "trailAmount", new OrderRequest { Symbol = Btc, Type = OrderType.TrailingStop, Side = OrderSide.Sell, Quantity = 1m } },
        { "trailAmount", new OrderRequest { Symbol = Btc, Type = OrderType.TrailingStop, Side = OrderSide.Sell, Quantity = 1m, TrailAmount = 10m, TrailPercent = 1m } },
        { "trailAmount", Books.Market(Btc, OrderSide.Buy, 1m) with { TrailAmount = 10m } },
        { "trailPercent", new OrderRequest { Symbol = Btc, Type = OrderType.TrailingStop, Side = OrderSide.Sell, Quantity = 1m, TrailPercent = 60m } },
        { "trailPercent", new OrderRequest { Symbol = Btc, Type = OrderType.TrailingStop, Side = OrderSide.Sell, Quantity = 1m, TrailPercent = 0m } },
        { "timeInForce", new OrderRequest { Symbol = Btc, Type = OrderType.TrailingStop, Side = OrderSide.Sell, Quantity = 1m, TrailPercent = 1m, TimeInForce = TimeInForce.Ioc } },
        { "leverage", Books.Market(Btc, OrderSide.Buy, 1m, leverage: 21) },
        { "leverage", Books.Market(Btc, OrderSide.Buy, 1m, leverage: 0) },
        { "leverage", Books.Market(Btc, OrderSide.Buy, 1m, leverage: int.MaxValue) },
        { "symbol", Books.Market("NOPE", OrderSide.Buy, 1m) },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void Invalid_requests_are_refused_with_the_field_and_nothing_is_written(string field, OrderRequest request)
    {
        var book = Books.Funded(10_000_000m, T0);

        var error = Assert.Throws<TradingException>(() => ExecutionSimulator.Place(book, request, _market, T0));

        Assert.Equal((TradingErrorKind.Validation, field), (error.Kind, error.Field));
        AssertUntouched(book, 10_000_000m);
    }

    [Fact]
    public void Leverage_is_limited_by_the_lower_of_account_and_instrument()
    {
        var book = Books.Funded(1_000_000m, T0, maxLeverage: 10);
        var error = Assert.Throws<TradingException>(() => ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 1m, leverage: 11), _market, T0));
        Assert.Equal((TradingErrorKind.Validation, "leverage"), (error.Kind, error.Field));

        var order = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 1m, leverage: 10), _market, T0);
        Assert.Equal(book.FillsOf(order)[0].Price / 10m, Assert.Single(book.OpenPositions).Margin);
    }

    [Fact]
    public void Insufficient_margin_is_refused_and_nothing_is_added_to_the_book()
    {
        var book = Books.Funded(10_000m, T0);

        var error = Assert.Throws<TradingException>(() => ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 1m), _market, T0));
        Assert.Equal(TradingErrorKind.InsufficientBalance, error.Kind);
        AssertUntouched(book, 10_000m);

        var limit = Assert.Throws<TradingException>(() => ExecutionSimulator.Place(book, Books.Limit(Btc, OrderSide.Buy, 1m, 60_000m), _market, T0));
        Assert.Equal(TradingErrorKind.InsufficientBalance, limit.Kind);
        AssertUntouched(book, 10_000m);

        // With leverage the same order fits.
        ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 1m, leverage: 10), _market, T0);
        Invariants.AssertFreeMarginNotNegative(book, _market);
    }

    [Fact]
    public void Resting_orders_reserve_margin_so_it_cannot_be_spent_twice()
    {
        var book = Books.Funded(100_000m, T0);
        ExecutionSimulator.Place(book, Books.Limit(Btc, OrderSide.Buy, 1m, 60_000m), _market, T0);

        var error = Assert.Throws<TradingException>(() => ExecutionSimulator.Place(book, Books.Limit(Btc, OrderSide.Buy, 1m, 60_000m), _market, T0));

        Assert.Equal(TradingErrorKind.InsufficientBalance, error.Kind);
        Assert.Single(book.WorkingOrders);
    }

    [Fact]
    public void An_order_accepted_with_exactly_enough_margin_leaves_free_margin_non_negative_after_its_fill()
    {
        // The margin check must count what the fill itself costs (spread and slippage to the mark), not only the touch.
        var book = Books.Funded(3_300m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0, askSize: 5m);

        try
        {
            ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 1m, leverage: 20), _market, T0);
        }
        catch (TradingException error) when (error.Kind == TradingErrorKind.InsufficientBalance)
        {
            AssertUntouched(book, 3_300m);
            return;
        }

        Invariants.AssertFreeMarginNotNegative(book, _market);
    }

    [Theory]
    [InlineData("AAPL", "2026-11-28T15:00:00Z", false)] // Saturday
    [InlineData("AAPL", "2026-11-23T14:29:00Z", false)] // Monday 09:29 New York
    [InlineData("AAPL", "2026-11-23T14:30:00Z", true)]
    [InlineData("EURUSD", "2026-11-27T22:00:00Z", false)] // Friday 17:00 New York: the forex week has closed
    [InlineData("EURUSD", "2026-11-27T21:59:00Z", true)]
    [InlineData("BTC-USD", "2026-11-28T15:00:00Z", true)] // crypto never closes
    public void Orders_outside_market_hours_are_refused_as_market_closed(string symbol, string instant, bool open)
    {
        var at = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
        var instrument = _market.Instrument(symbol);
        _market.Set(Quotes.AroundMid(instrument, instrument.InitialPrice, at));
        var book = Books.Funded(1_000_000m, at);

        var request = Books.Market(symbol, OrderSide.Buy, instrument.MinQuantity);
        if (open)
        {
            Assert.Equal(OrderStatus.Filled, ExecutionSimulator.Place(book, request, _market, at).Status);
            return;
        }

        var error = Assert.Throws<TradingException>(() => ExecutionSimulator.Place(book, request, _market, at));
        Assert.Equal(TradingErrorKind.MarketClosed, error.Kind);
        AssertUntouched(book, 1_000_000m);
    }

    [Fact]
    public void Without_a_quote_an_order_is_refused_as_no_price()
    {
        var book = Books.Funded(1_000_000m, T0);
        var error = Assert.Throws<TradingException>(() => ExecutionSimulator.Place(book, Books.Market("ETH-USD", OrderSide.Buy, 1m), _market, T0));
        Assert.Equal(TradingErrorKind.NoPrice, error.Kind);
    }

    [Fact]
    public void Deposits_and_withdrawals_go_through_the_ledger_and_only_free_margin_can_leave()
    {
        var book = Books.Funded(10_000m, T0);
        AccountCash.Deposit(book, 5_000m, null, T0);
        Assert.Equal(15_000m, book.Account.Balance);

        ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 1m, leverage: 10), _market, T0);
        var free = MarginCalculator.Snapshot(book, _market).MarginAvailable;
        Assert.True(free is > 0m and < 15_000m);

        var error = Assert.Throws<TradingException>(() => AccountCash.Withdraw(book, Expect.Cents(free) + 0.01m, null, _market, T0));
        Assert.Equal(TradingErrorKind.InsufficientBalance, error.Kind);

        var balance = book.Account.Balance;
        AccountCash.Withdraw(book, 1_000m, "rent", _market, T0);
        Assert.Equal(balance - 1_000m, book.Account.Balance);
        Assert.Equal(-1_000m, Assert.Single(book.CashEntries(LedgerEntryType.Withdrawal)).Amount);
        Assert.Equal([10_000m, 5_000m], book.CashEntries(LedgerEntryType.Deposit).Select(entry => entry.Amount));

        foreach (var amount in new[] { 0m, -1m, 0.001m, AccountCash.MaxTransfer + 1m })
        {
            var invalid = Assert.Throws<TradingException>(() => AccountCash.Deposit(book, amount, null, T0));
            Assert.Equal((TradingErrorKind.Validation, "amount"), (invalid.Kind, invalid.Field));
        }

        Invariants.AssertAll(book);
    }

    [Fact]
    public void The_daily_loss_limit_refuses_new_exposure_but_allows_reductions_until_the_next_day()
    {
        const string eth = "ETH-USD";
        var book = Books.Funded(100_000m, T0, maxDailyLoss: 500m);
        _market.Set(eth, 3_200m, 3_201m, T0);
        ExecutionSimulator.Place(book, Books.Market(eth, OrderSide.Buy, 10m), _market, T0);

        // A 100-dollar drop loses about 1,000 on 10 ETH.
        var later = T0.AddHours(1);
        ExecutionSimulator.OnQuote(book, _market.Set(eth, 3_100m, 3_101m, later), _market, later);

        var add = Assert.Throws<TradingException>(() => ExecutionSimulator.Place(book, Books.Market(eth, OrderSide.Buy, 1m), _market, later));
        Assert.Equal(TradingErrorKind.Rejected, add.Kind);
        var other = Assert.Throws<TradingException>(() => ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Sell, 0.01m), _market, later));
        Assert.Equal(TradingErrorKind.Rejected, other.Kind);
        var reverse = Assert.Throws<TradingException>(() => ExecutionSimulator.Place(book, Books.Market(eth, OrderSide.Sell, 11m), _market, later));
        Assert.Equal(TradingErrorKind.Rejected, reverse.Kind);

        var reduce = ExecutionSimulator.Place(book, Books.Market(eth, OrderSide.Sell, 4m), _market, later);
        Assert.Equal(OrderStatus.Filled, reduce.Status);
        Assert.Equal(6m, book.OpenPosition(eth)!.Quantity);

        var tomorrow = DateTimeOffset.Parse("2026-11-24T00:00:01Z", CultureInfo.InvariantCulture);
        _market.Set(eth, 3_100m, 3_101m, tomorrow);
        Assert.Equal(OrderStatus.Filled, ExecutionSimulator.Place(book, Books.Market(eth, OrderSide.Buy, 1m), _market, tomorrow).Status);
        Invariants.AssertAll(book);
    }

    private static void AssertUntouched(AccountBook book, decimal balance)
    {
        Assert.Empty(book.NewOrders);
        Assert.Empty(book.WorkingOrders);
        Assert.Empty(book.NewFills);
        Assert.Empty(book.OpenPositions);
        Assert.Equal(balance, book.Account.Balance);
        Assert.Single(book.NewEntries, entry => entry.Book == LedgerAccounts.Cash(book.Account.Id));
    }
}
