using System.Reflection;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Tests.Support;

namespace TradingPlatform.Trading.Tests.Execution;

/// <summary>
/// The random part of slippage is seeded from the order row (its id and what it has filled), never from its status
/// history, which the Api does not load with a working order: a resting order fills the same way in memory and in
/// production, and each partial fill of an order gets its own seed.
/// </summary>
public sealed class SlippageSeedTests
{
    private const string Btc = "BTC-USD";
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly Guid Seed = Guid.Parse("7d1c1a52-5a7e-4d8e-9a34-0d6f1c2b9e11");

    private readonly TestMarket _market = new();

    [Fact]
    public void A_resting_stop_fills_the_same_way_whether_its_history_is_loaded_or_not()
    {
        var (withHistory, order) = PlaceRestingStop();
        var (withoutHistory, loaded) = PlaceRestingStop();
        ForgetHistory(loaded);
        Assert.Equal(order.Id, loaded.Id);
        Assert.NotEmpty(order.History);
        Assert.Empty(loaded.History);

        // The stop triggers, then fills 3 BTC on each of three ticks (the size shown at the ask).
        foreach (var book in new[] { withHistory, withoutHistory })
        {
            for (var i = 1; i <= 3; i++)
            {
                ExecutionSimulator.OnQuote(book, _market.Set(Btc, 65_100m + i, 65_110m + i, T0.AddSeconds(i), askSize: 3m), _market, T0.AddSeconds(i));
            }
        }

        var expected = withHistory.FillsOf(order).Select(fill => (fill.Quantity, fill.Price)).ToList();
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, withoutHistory.FillsOf(loaded).Select(fill => (fill.Quantity, fill.Price)));
        var instrument = _market.Instrument(Btc);
        Assert.Equal(
            [Expect.MarketPrice(instrument, order, 65_111m, 3m, filledBefore: 0m), Expect.MarketPrice(instrument, order, 65_112m, 3m, filledBefore: 3m),
                Expect.MarketPrice(instrument, order, 65_113m, 3m, filledBefore: 6m)],
            expected.Select(fill => fill.Price));
        Assert.Equal((OrderStatus.Filled, 9m), (loaded.Status, loaded.FilledQuantity));
        Invariants.AssertAll(withHistory);
    }

    [Fact]
    public void Two_partial_fills_of_one_order_get_different_seeds()
    {
        var book = Books.Funded(1_000_000m, T0);
        var instrument = _market.Instrument(Btc);
        _market.Set(Btc, 65_000m, 65_010m, T0, askSize: 4m);
        var order = ExecutionSimulator.Place(book, Books.Market(Btc, OrderSide.Buy, 8m), _market, T0);
        // What the order row holds after its first fill seeds the second: its id and the 4 filled.
        Assert.Equal(Expect.Slippage(instrument, 4m, order.Id, 4m), ExecutionCosts.SlippageFraction(instrument, order, 4m));
        // The same tick again: the same touch and size, so only the seed can make the second fill's slippage differ.
        ExecutionSimulator.OnQuote(book, _market.Set(Btc, 65_000m, 65_010m, T0.AddSeconds(1), askSize: 4m), _market, T0.AddSeconds(1));

        var fills = book.FillsOf(order);
        Assert.Equal([4m, 4m], fills.Select(fill => fill.Quantity));
        Assert.NotEqual(SeededNoise.FillSequence(0m), SeededNoise.FillSequence(4m));
        Assert.NotEqual(Expect.Slippage(instrument, 4m, order.Id, 0m), Expect.Slippage(instrument, 4m, order.Id, 4m));
        Assert.Equal(Expect.MarketPrice(instrument, order, 65_010m, 4m, filledBefore: 0m), fills[0].Price);
        Assert.Equal(Expect.MarketPrice(instrument, order, 65_010m, 4m, filledBefore: 4m), fills[1].Price);
        Invariants.AssertAll(book);
    }

    [Fact]
    public void The_fill_sequence_is_the_same_for_a_filled_quantity_read_back_at_another_scale()
    {
        Assert.Equal(SeededNoise.FillSequence(1.5m), SeededNoise.FillSequence(1.500000m));
        Assert.Equal(0L, SeededNoise.FillSequence(0.0000m));
        Assert.NotEqual(SeededNoise.FillSequence(1.5m), SeededNoise.FillSequence(1.25m));
    }

    private (AccountBook Book, Order Order) PlaceRestingStop()
    {
        var book = Books.Funded(1_000_000m, T0, ids: new SeededIds(Seed));
        _market.Set(Btc, 65_000m, 65_010m, T0);
        var order = ExecutionSimulator.Place(book, Books.Stop(Btc, OrderSide.Buy, 9m, 65_100m), _market, T0);
        Assert.Equal(OrderStatus.Open, order.Status);
        return (book, order);
    }

    /// <summary>What EF Core leaves of an order loaded without <c>Include(o => o.History)</c>: the row, no history.</summary>
    private static void ForgetHistory(Order order) =>
        ((List<OrderStatusChange>)typeof(Order).GetField("_history", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(order)!).Clear();
}
