using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Trading.Tests.Instruments;

public sealed class SymbolTests
{
    [Theory]
    [InlineData("btc-usd", "BTC-USD")]
    [InlineData("  Eth-Usd ", "ETH-USD")]
    [InlineData("AAPL", "AAPL")]
    public void A_symbol_is_trimmed_and_upper_case(string text, string canonical)
    {
        Assert.Equal(canonical, Symbol.Normalize(text));
        Assert.True(Symbol.TryParse(text, out var symbol));
        Assert.Equal(canonical, symbol.Value);
        Assert.Equal(Symbol.Parse(canonical), symbol);
        Assert.True(Symbol.Same(canonical.ToLowerInvariant(), canonical));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("BTC USD")]
    [InlineData("BTC;DROP")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    [InlineData(null)]
    public void Anything_else_is_not_a_symbol(string? text)
    {
        Assert.False(Symbol.TryParse(text, out _));
        Assert.Throws<ArgumentException>(() => Symbol.Parse(text!));
    }

    [Fact]
    public void Every_catalog_symbol_is_canonical()
    {
        Assert.All(InstrumentCatalog.Defaults, instrument => Assert.Equal(instrument.Symbol, Symbol.Parse(instrument.Symbol).Value));
    }
}
