using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Tests.Backtesting;

/// <summary>
/// The backtest's fast quote (multiplication by the inverse tick, no decimal division) against the reference formula,
/// bit for bit: the same bid and ask with the same scale, for ticks that take the fast path and ticks that do not.
/// </summary>
public sealed class BacktestQuoteTests
{
    public static TheoryData<decimal, decimal> Ticks => new()
    {
        { 0.01m, 0.0004m }, { 0.1m, 0.002m }, { 1m, 0m }, { 0.25m, 0.0001m }, { 0.5m, 0.01m }, { 0.00001m, 0.00002m },
        { 0.0001m, 0m }, { 0.3m, 0.0005m }, { 2m, 0.001m }, { 5m, 0.2m }, { 0.01m, 1.5m }, { 0.001m, 0.0004m },
    };

    [Theory]
    [MemberData(nameof(Ticks))]
    public void The_fast_quote_is_the_reference_quote_bit_for_bit(decimal tick, decimal spread)
    {
        var instrument = BacktestFixtures.Plain with { TickSize = tick, Spread = spread };
        var listing = new BacktestMarket.Listing(instrument);
        var random = new Random(20260302);
        var at = BacktestFixtures.Start;

        foreach (var price in Prices(random, tick))
        {
            var reference = BacktestMarket.QuoteAt(instrument, price, at);
            var fast = listing.QuoteAt(price, at);

            Assert.True(Same(reference.Bid, fast.Bid) && Same(reference.Ask, fast.Ask),
                $"tick {tick}, spread {spread}, price {price}: reference {reference.Bid}/{reference.Ask}, fast {fast.Bid}/{fast.Ask}");
            Assert.Equal(reference, fast);
            Assert.True(Same(reference.Bid, listing.Mark(PositionSide.Long, price)) && Same(reference.Ask, listing.Mark(PositionSide.Short, price)),
                $"tick {tick}, spread {spread}, price {price}: marks {listing.Mark(PositionSide.Long, price)}/{listing.Mark(PositionSide.Short, price)}");
        }
    }

    /// <summary>What lets a backtest check only a bar's low and high for triggers: marks never fall as the price rises.</summary>
    [Theory]
    [MemberData(nameof(Ticks))]
    public void Bid_and_ask_never_fall_as_the_price_rises(decimal tick, decimal spread)
    {
        var listing = new BacktestMarket.Listing(BacktestFixtures.Plain with { TickSize = tick, Spread = spread });
        var prices = Prices(new Random(7), tick).Order().ToList();

        Assert.True(listing.IsMonotone);
        for (var i = 1; i < prices.Count; i++)
        {
            var (bid, ask) = listing.Touch(prices[i]);
            var (previousBid, previousAsk) = listing.Touch(prices[i - 1]);
            Assert.True(bid >= previousBid && ask >= previousAsk, $"tick {tick}, spread {spread}: {prices[i - 1]} → {previousBid}/{previousAsk}, {prices[i]} → {bid}/{ask}");
        }
    }

    /// <summary>Prices of every magnitude and scale: on the tick, between ticks, with many digits, tiny, zero and huge.</summary>
    private static IEnumerable<decimal> Prices(Random random, decimal tick)
    {
        yield return 0m;
        yield return tick;
        yield return tick / 3m;
        yield return 1m;
        yield return 0.0000001m;
        yield return 79_000_000_000_000m;
        yield return 123_456_789.123456789123m;
        yield return 1.0000000000000000000000000001m;
        for (var i = 0; i < 4000; i++)
        {
            var magnitude = Math.Pow(10, random.Next(-6, 12));
            var value = (decimal)(random.NextDouble() * magnitude);
            yield return Math.Round(value, random.Next(0, 20));
            yield return Math.Round(value / tick) * tick;
        }
    }

    private static bool Same(decimal a, decimal b) => decimal.GetBits(a).SequenceEqual(decimal.GetBits(b));
}
