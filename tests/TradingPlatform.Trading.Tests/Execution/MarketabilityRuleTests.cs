using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Tests.Support;

namespace TradingPlatform.Trading.Tests.Execution;

/// <summary>
/// <see cref="OrderMarketability.AffectedRule"/> is what the tick processor's SQL pre-filter runs, so it must say of
/// every working order exactly whether the simulator changes it on a tick; and the checks the simulator runs on a tick
/// change nothing themselves (triggering is its own step).
/// </summary>
public sealed class MarketabilityRuleTests
{
    private const string Btc = "BTC-USD";
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private readonly TestMarket _market = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_affected_rule_says_of_every_working_order_whether_a_tick_changes_it(int seed)
    {
        var random = new Random(seed);
        var instrument = _market.Instrument(Btc);
        var (checks, affected) = (0, 0);
        for (var i = 0; i < 400; i++)
        {
            var book = Books.Funded(50_000_000m, T0);
            var mid = 65_000m;
            _market.Set(Quotes.AroundMid(instrument, mid, T0, size: random.Next(3) == 0 ? 0.5m : 50m));
            Order order;
            try
            {
                order = ExecutionSimulator.Place(book, RandomRequest(random, mid), _market, T0);
            }
            catch (TradingException)
            {
                continue;
            }

            for (var tick = 1; tick <= 4 && order.IsWorking; tick++)
            {
                mid = instrument.RoundToTick(mid * (1m + (decimal)(random.NextDouble() - 0.5) * 0.03m));
                var now = random.Next(12) == 0 ? T0.AddHours(10) : T0.AddSeconds(tick);
                var quote = _market.Set(Quotes.AroundMid(instrument, mid, now, size: 50m));
                var expected = OrderMarketability.IsAffected(order, quote.Bid, quote.Ask, now);
                var before = State(order);

                ExecutionSimulator.OnQuote(book, quote, _market, now);

                Assert.True(expected == (State(order) != before),
                    $"{order.Type} {order.Side} {order.TimeInForce} stop {order.StopPrice} limit {order.Price} triggered {before.Triggered} at {quote.Bid}/{quote.Ask}: rule {expected}, changed {State(order) != before}");
                checks++;
                affected += expected ? 1 : 0;
            }
        }

        // Both answers occur often enough for the comparison to mean something.
        Assert.InRange(affected, 100, checks - 100);
    }

    [Fact]
    public void Checking_a_stop_for_execution_does_not_trigger_it()
    {
        var book = Books.Funded(1_000_000m, T0);
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book, Books.StopLimit(Btc, OrderSide.Buy, 1m, 65_100m, 65_050m), _market, T0);
        var reaching = Quotes.Make(_market.Instrument(Btc), 65_100m, 65_110m, T0.AddSeconds(1));

        Assert.True(OrderMarketability.StopReached(order, reaching));
        Assert.False(OrderMarketability.IsExecutable(order, reaching));
        Assert.True(OrderMarketability.IsAffected(order, reaching.Bid, reaching.Ask, reaching.Timestamp));
        Assert.False(order.Triggered);

        ExecutionSimulator.OnQuote(book, _market.Set(reaching), _market, reaching.Timestamp);
        Assert.True(order.Triggered);
        Assert.Equal(OrderStatus.Open, order.Status); // its limit 65,050 is below the ask
    }

    [Fact]
    public void Awaiting_a_trigger_means_the_same_in_the_rule_and_on_the_order()
    {
        var awaits = OrderMarketability.AwaitsTriggerRule.Compile();
        foreach (var type in Enum.GetValues<OrderType>())
        {
            var order = new Order
            {
                Id = OrderId.New(), AccountId = Trading.Accounts.AccountId.New(), Symbol = Btc, Type = type, Side = OrderSide.Buy, Quantity = 1m,
                StopPrice = 65_000m, TimeInForce = TimeInForce.Gtc, Leverage = 1, CreatedAt = T0,
            };
            Assert.Equal(order.AwaitsTrigger, awaits(order));
            if (order.AwaitsTrigger)
            {
                order.Trigger();
                Assert.False(awaits(order));
                Assert.False(order.AwaitsTrigger);
            }
            else
            {
                Assert.Throws<InvalidOperationException>(order.Trigger);
            }
        }
    }

    [Fact]
    public void Working_means_the_same_in_the_query_rule_and_in_the_transition_table()
    {
        var working = OrderStatusTransitions.IsWorkingRule.Compile();
        Assert.All(Enum.GetValues<OrderStatus>(), status => Assert.Equal(OrderStatusTransitions.IsWorking(status), working(status)));
    }

    [Fact]
    public void Working_means_the_same_in_the_orders_query_rule_as_on_the_order()
    {
        var working = OrderStatusTransitions.IsWorkingOrder.Compile();
        Assert.All(Enum.GetValues<OrderStatus>(), status =>
        {
            var order = new Order
            {
                Id = OrderId.New(), AccountId = Trading.Accounts.AccountId.New(), Symbol = Btc, Type = OrderType.Limit, Side = OrderSide.Buy,
                Quantity = 1m, Price = 65_000m, TimeInForce = TimeInForce.Gtc, Leverage = 1, CreatedAt = T0,
            };
            if (status != OrderStatus.Pending)
            {
                order.MoveTo(status, T0);
            }

            Assert.Equal(status, order.Status);
            Assert.Equal(OrderStatusTransitions.IsWorking(status), working(order));
        });
    }

    private static (OrderStatus Status, decimal Filled, bool Triggered, decimal? Anchor, decimal? Stop) State(Order order) =>
        (order.Status, order.FilledQuantity, order.Triggered, order.TrailAnchor, order.StopPrice);

    private static OrderRequest RandomRequest(Random random, decimal mid)
    {
        var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
        var type = (OrderType)random.Next(5);
        decimal Near() => Math.Round(mid * (1m + (decimal)(random.NextDouble() - 0.5) * 0.04m), 2);
        var tif = type == OrderType.TrailingStop ? (random.Next(2) == 0 ? TimeInForce.Gtc : TimeInForce.Day) : (TimeInForce)random.Next(4);
        var trailByAmount = random.Next(2) == 0;
        return new OrderRequest
        {
            Symbol = Btc, Type = type, Side = side, Quantity = random.Next(1, 30) / 10m, TimeInForce = tif,
            Price = type is OrderType.Limit or OrderType.StopLimit ? Near() : null,
            StopPrice = type is OrderType.Stop or OrderType.StopLimit ? Near() : null,
            TrailAmount = type == OrderType.TrailingStop && trailByAmount ? random.Next(50, 1_500) : null,
            TrailPercent = type == OrderType.TrailingStop && !trailByAmount ? random.Next(1, 30) / 10m : null,
        };
    }
}
