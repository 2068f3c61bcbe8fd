using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Api.Market.Instruments;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Api.Tests.Market;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class InstrumentsApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private ApiFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await MarketKit.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Symbols_have_seed_001s_shape_and_need_no_sign_in()
    {
        using var client = _factory.CreateClient();
        var data = await (await client.GetAsync("/api/market/symbols")).ReadDataAsync();
        Assert.Equal(InstrumentCatalog.Defaults.Count, data.GetArrayLength());
        var eurusd = data.EnumerateArray().Single(s => s.GetProperty("symbol").GetString() == "EURUSD");
        Assert.Equal(
            ["symbol", "name", "type", "baseAsset", "quoteAsset", "minQuantity", "maxQuantity", "tickSize", "active"],
            eurusd.EnumerateObject().Select(p => p.Name));
        Assert.Equal("forex", eurusd.GetProperty("type").GetString());
        Assert.Equal(0.00001m, eurusd.GetProperty("tickSize").GetDecimal());
        Assert.Equal(1000m, eurusd.GetProperty("minQuantity").GetDecimal());
        Assert.True(eurusd.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Instruments_carry_the_full_specification_and_filter()
    {
        using var client = _factory.CreateClient();
        var all = await (await client.GetAsync("/api/market/instruments")).ReadDataAsync();
        Assert.Equal(InstrumentCatalog.Defaults.Count, all.GetArrayLength());
        var btc = all.EnumerateArray().Single(s => s.GetProperty("symbol").GetString() == "BTC-USD");
        foreach (var member in new[] { "lotSize", "spread", "slippageFactor", "commissionRate", "minCommission", "maxLeverage", "tradingHours", "isOpenNow" })
        {
            Assert.True(btc.TryGetProperty(member, out _), member);
        }

        Assert.Equal(0.0004m, btc.GetProperty("spread").GetDecimal());
        Assert.Equal("crypto-24x7", btc.GetProperty("tradingHours").GetProperty("profile").GetString());
        Assert.True(btc.GetProperty("isOpenNow").GetBoolean());

        var futures = await (await client.GetAsync("/api/market/instruments?type=future")).ReadDataAsync();
        Assert.Equal(["BTC-FUT", "SPX-FUT"], futures.EnumerateArray().Select(f => f.GetProperty("symbol").GetString()));
        var btcs = await (await client.GetAsync("/api/market/instruments?symbol=btc&active=true")).ReadDataAsync();
        Assert.Equal(["BTC-FUT", "BTC-USD"], btcs.EnumerateArray().Select(f => f.GetProperty("symbol").GetString()));
        var inactive = await (await client.GetAsync("/api/market/instruments?active=false")).ReadDataAsync();
        Assert.Equal(0, inactive.GetArrayLength());
    }

    [Fact]
    public async Task Bad_filters_are_422_with_field_details()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync("/api/market/instruments?type=bond&active=maybe");
        var error = await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.True(error.GetProperty("details").TryGetProperty("type", out _));
        Assert.True(error.GetProperty("details").TryGetProperty("active", out _));
    }

    [Fact]
    public async Task One_instrument_by_symbol_and_404_for_an_unknown_one()
    {
        using var client = _factory.CreateClient();
        var aapl = await (await client.GetAsync("/api/market/instruments/aapl")).ReadDataAsync();
        Assert.Equal("AAPL", aapl.GetProperty("symbol").GetString());
        Assert.Equal("stock", aapl.GetProperty("type").GetString());
        Assert.Equal("us-equity", aapl.GetProperty("tradingHours").GetProperty("profile").GetString());
        Assert.Equal("Mon-Fri 09:30 - 16:00 America/New_York", aapl.GetProperty("tradingHours").GetProperty("description").GetString());

        using var missing = await client.GetAsync("/api/market/instruments/NOPE-USD");
        await Envelope.AssertErrorAsync(missing, 404, "NOT_FOUND_ERROR");
    }

    [Fact]
    public async Task Seeding_again_keeps_an_operators_edit_and_the_registry_reloads_it()
    {
        try
        {
            await MarketKit.ExecuteAsync(infrastructure, "UPDATE trading.instruments SET spread = 0.0009, active = false WHERE symbol = 'XAU-USD'");
            await using (var scope = _factory.Services.CreateAsyncScope())
            {
                foreach (var seeder in scope.ServiceProvider.GetServices<ISchemaSeeder<TradingDbContext>>())
                {
                    await seeder.SeedAsync(CancellationToken.None);
                }
            }

            Assert.Equal(8, await MarketKit.CountAsync(infrastructure, "SELECT count(*) FROM trading.instruments"));
            var gold = _factory.Services.GetRequiredService<InstrumentRegistry>().Find("xau-usd")!;
            Assert.Equal(0.0009m, gold.Spread);
            Assert.False(gold.Active);
            Assert.Same(InstrumentCatalog.GlobexHours, gold.Hours);
        }
        finally
        {
            await MarketKit.ExecuteAsync(infrastructure, "UPDATE trading.instruments SET spread = 0.0003, active = true WHERE symbol = 'XAU-USD'");
            await _factory.Services.GetRequiredService<InstrumentRegistry>().ReloadAsync(CancellationToken.None);
        }
    }
}
