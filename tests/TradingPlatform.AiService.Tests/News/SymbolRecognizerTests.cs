using TradingPlatform.AiService.News;
using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.AiService.Tests.News;

public sealed class SymbolRecognizerTests
{
    [Fact]
    public void The_alias_table_lists_exactly_the_instrument_catalogs_symbols()
    {
        Assert.Equal(
            InstrumentCatalog.Defaults.Select(i => i.Symbol).Order(StringComparer.Ordinal),
            InstrumentAliases.BySymbol.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("EUR/USD jumps after the ECB meeting", "EURUSD")]
    [InlineData("The euro-dollar rate slips", "EURUSD")]
    [InlineData("eurusd breaks resistance", "EURUSD")]
    [InlineData("Bitcoin hits a record", "BTC-USD")]
    [InlineData("BTC rallies 5%", "BTC-USD")]
    [InlineData("Bitcoin futures open interest climbs", "BTC-FUT")]
    [InlineData("S&P 500 futures point higher", "SPX-FUT")]
    [InlineData("Gold and Apple both rise", "XAU-USD,AAPL")]
    [InlineData("Sterling and the British pound: GBP/USD in focus", "GBPUSD")]
    [InlineData("Ether and Ethereum: ETH-USD", "ETH-USD")]
    public void A_headline_names_the_catalog_symbols_of_its_aliases_each_once_in_order(string text, string expected)
    {
        Assert.Equal(expected.Split(','), SymbolRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("Eurozone growth stalls")]
    [InlineData("Goldman Sachs upgrades pineapples")]
    [InlineData("The BTCX token and ETHOS fund")]
    [InlineData("")]
    public void Aliases_inside_other_words_name_nothing(string text)
    {
        Assert.Empty(SymbolRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("btcusd", "BTC-USD")]
    [InlineData(" EUR/USD ", "EURUSD")]
    [InlineData("xau-usd", "XAU-USD")]
    [InlineData("Apple", "AAPL")]
    [InlineData("NOPE", null)]
    [InlineData("", null)]
    public void A_symbol_or_alias_a_client_sends_resolves_to_its_catalog_symbol(string sent, string? expected)
    {
        Assert.Equal(expected, SymbolRecognizer.Resolve(sent));
    }
}
