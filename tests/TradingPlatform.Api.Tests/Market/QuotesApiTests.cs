using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Market;
using TradingPlatform.Api.Market.Feed;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Infrastructure.Market;

namespace TradingPlatform.Api.Tests.Market;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class QuotesApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private ApiFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await MarketKit.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_latest_published_quote_is_served()
    {
        var at = DateTimeOffset.UtcNow;
        var book = _factory.Services.GetRequiredService<QuoteBook>();
        await book.PublishAsync([new Quote("SPX-FUT", 5800.00m, 5800.50m, 5800.25m, 40, 35, 12, at)], CancellationToken.None);
        await book.PublishAsync([new Quote("SPX-FUT", 5801.00m, 5801.50m, 5801.50m, 41, 36, 3, at.AddSeconds(1))], CancellationToken.None);

        using var client = _factory.CreateClient();
        var quote = await (await client.GetAsync("/api/market/quotes/spx-fut")).ReadDataAsync();
        Assert.Equal("SPX-FUT", quote.GetProperty("symbol").GetString());
        Assert.Equal(5801.00m, quote.GetProperty("bid").GetDecimal());
        Assert.Equal(5801.50m, quote.GetProperty("ask").GetDecimal());
        Assert.Equal(5801.50m, quote.GetProperty("last").GetDecimal());
        Assert.Equal(0.50m, quote.GetProperty("spread").GetDecimal());
        Assert.Equal(3m, quote.GetProperty("volume").GetDecimal());
        Assert.Equal(at.AddSeconds(1), quote.GetProperty("timestamp").GetDateTimeOffset());
    }

    [Fact]
    public async Task Unknown_symbol_is_404()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync("/api/market/quotes/NOPE-USD");
        await Envelope.AssertErrorAsync(response, 404, "NOT_FOUND_ERROR");
    }

    [Fact]
    public async Task No_quote_yet_is_503()
    {
        // Nothing to clear first: quotes other tests' feeds stored in Redis are under their own key prefixes.
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync("/api/market/quotes/XAU-USD");
        await Envelope.AssertErrorAsync(response, 503, "SERVICE_UNAVAILABLE_ERROR");
    }

    [Fact]
    public async Task A_replica_that_does_not_run_the_feed_reads_the_leaders_quotes_from_Redis()
    {
        var at = DateTimeOffset.UtcNow;
        var store = _factory.Services.GetRequiredService<RedisQuoteStore>();
        await store.WriteAsync([new Quote("ETH-USD", 3200.10m, 3201.70m, 3201.70m, 48, 52, 0.5m, at)], []);

        var book = _factory.Services.GetRequiredService<QuoteBook>();
        var quote = book.GetLatest("ETH-USD");
        Assert.NotNull(quote);
        Assert.Equal(3200.10m, quote.Bid);
        Assert.Equal(at, quote.Timestamp);
        Assert.Contains(book.All, q => q.Symbol == "ETH-USD" && q.Timestamp == at);

        using var client = _factory.CreateClient();
        var served = await (await client.GetAsync("/api/market/quotes/ETH-USD")).ReadDataAsync();
        Assert.Equal(3201.70m, served.GetProperty("ask").GetDecimal());
    }
}
