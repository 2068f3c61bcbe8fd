using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Tests.Market;

public sealed class PriceModelTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero); // 10:00 New York

    private static List<Quote> Run(int seed, DateTimeOffset start, int seconds)
    {
        var market = new MarketSimulator(seed);
        foreach (var instrument in InstrumentCatalog.Defaults)
        {
            market.Add(instrument, instrument.InitialPrice, start);
        }

        var quotes = new List<Quote>();
        for (var i = 1; i <= seconds; i++)
        {
            quotes.AddRange(market.Tick(start.AddSeconds(i)));
        }

        return quotes;
    }

    [Fact]
    public void The_same_seed_produces_the_same_ticks()
    {
        var first = Run(7, Monday, 600);
        var second = Run(7, Monday, 600);
        Assert.Equal(first, second);
        Assert.NotEqual(first, Run(8, Monday, 600));
    }

    [Fact]
    public void An_instruments_path_does_not_depend_on_the_other_instruments()
    {
        var btc = InstrumentCatalog.Find("BTC-USD")!;
        var alone = new MarketSimulator(3);
        alone.Add(btc, btc.InitialPrice, Monday);
        var quotesAlone = Enumerable.Range(1, 100).SelectMany(i => alone.Tick(Monday.AddSeconds(i))).ToList();
        var together = Run(3, Monday, 100).Where(q => q.Symbol == "BTC-USD").ToList();
        Assert.Equal(quotesAlone, together);
    }

    [Fact]
    public void Quotes_respect_the_instruments_tick_spread_and_sizes()
    {
        foreach (var quote in Run(11, Monday, 300))
        {
            var instrument = InstrumentCatalog.Find(quote.Symbol)!;
            Assert.True(instrument.IsOnTick(quote.Bid) && instrument.IsOnTick(quote.Ask), $"{quote} off tick");
            Assert.True(quote.Ask > quote.Bid, $"{quote} crossed");
            var spread = (quote.Ask - quote.Bid) / quote.Mid;
            Assert.True(spread <= (instrument.Spread * 1.5m) + (2 * instrument.TickSize / quote.Mid), $"{quote} spread {spread}");
            Assert.True(quote.Last == quote.Bid || quote.Last == quote.Ask);
            Assert.True(quote.BidSize >= instrument.LotSize && quote.AskSize >= instrument.LotSize);
            Assert.True(instrument.IsOnLot(quote.BidSize) && instrument.IsOnLot(quote.Volume));
            Assert.True(quote.Volume >= 0);
        }
    }

    [Fact]
    public void Top_of_book_sizes_vary()
    {
        var sizes = Run(5, Monday, 200).Where(q => q.Symbol == "AAPL").Select(q => q.BidSize).Distinct().Count();
        Assert.True(sizes > 20, $"only {sizes} distinct sizes");
    }

    [Fact]
    public void Closed_markets_get_no_ticks()
    {
        var saturday = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        var symbols = Run(1, saturday, 120).Select(q => q.Symbol).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["BTC-USD", "ETH-USD"], symbols);
    }

    [Fact]
    public void Realised_volatility_is_near_the_instruments_annual_volatility()
    {
        var btc = InstrumentCatalog.Find("BTC-USD")!;
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var candles = HistoryGenerator.GenerateMinutes(btc, start, start.AddDays(60), seed).ToList();
            Assert.Equal(60 * 24 * 60, candles.Count);
            var returns = candles.Zip(candles.Skip(1), (a, b) => Math.Log((double)b.Close / (double)a.Close)).ToList();
            var mean = returns.Average();
            var variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1);
            var annualised = Math.Sqrt(variance * 365.25 * 24 * 60);
            // Bid/ask bounce in the closes adds a little; regimes make the estimate noisy: a generous band.
            Assert.InRange(annualised, 0.6 * 0.75, 0.6 * 1.35);
        }
    }

    [Fact]
    public void Volatile_regimes_and_jumps_occur()
    {
        var btc = InstrumentCatalog.Find("BTC-USD")!;
        var process = new PriceProcess(btc, btc.InitialPrice, Monday, 99);
        var volatileSteps = 0;
        for (var i = 1; i <= 30 * 24 * 60; i++)
        {
            process.AdvanceTo(Monday.AddMinutes(i));
            volatileSteps += process.Regime == MarketRegime.Volatile ? 1 : 0;
        }

        var share = volatileSteps / (30.0 * 24 * 60);
        Assert.InRange(share, 0.03, 0.35);
    }

    [Fact]
    public void Volume_follows_a_U_shape_over_the_session()
    {
        Assert.True(IntradayVolumeProfile.Shape(0) > 1.5 * IntradayVolumeProfile.Shape(0.5));
        Assert.True(IntradayVolumeProfile.Shape(1) > 1.5 * IntradayVolumeProfile.Shape(0.5));
        var mean = Enumerable.Range(0, 1001).Average(i => IntradayVolumeProfile.Shape(i / 1000.0));
        Assert.InRange(mean, 0.98, 1.02);

        var aapl = InstrumentCatalog.Find("AAPL")!.Hours;
        var open = new DateTimeOffset(2026, 11, 23, 14, 31, 0, TimeSpan.Zero);   // 09:31 New York
        var midday = new DateTimeOffset(2026, 11, 23, 17, 45, 0, TimeSpan.Zero); // 12:45
        Assert.True(IntradayVolumeProfile.Factor(aapl, open) > 1.5 * IntradayVolumeProfile.Factor(aapl, midday));
    }

    [Fact]
    public void History_has_no_candles_while_the_market_is_closed()
    {
        var aapl = InstrumentCatalog.Find("AAPL")!;
        var start = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var candles = HistoryGenerator.GenerateMinutes(aapl, start, start.AddDays(7), 1).ToList();
        Assert.Equal(5 * 390, candles.Count); // five sessions of 6.5 hours
        Assert.All(candles, c => Assert.True(aapl.Hours.IsOpen(c.OpenTime)));
        Assert.All(candles, c => Assert.True(c.High >= Math.Max(c.Open, c.Close) && c.Low <= Math.Min(c.Open, c.Close)));
        Assert.Equal(candles, HistoryGenerator.GenerateMinutes(aapl, start, start.AddDays(7), 1).ToList());
    }
}
