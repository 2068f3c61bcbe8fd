namespace TradingPlatform.AiService.News;

/// <summary>
/// The instrument catalog's symbols (TradingPlatform.Trading's <c>InstrumentCatalog.Defaults</c>, which the AiService
/// does not reference: a test checks that the two list the same symbols) and the names news uses for them. Matching is
/// case-insensitive on whole words; where aliases overlap ("Bitcoin futures" and "Bitcoin") the longer one wins.
/// Add an alias here when a headline names an instrument in a way this table misses.
/// </summary>
public static class InstrumentAliases
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> BySymbol { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["BTC-USD"] = ["BTC-USD", "BTCUSD", "BTC/USD", "Bitcoin", "BTC"],
        ["ETH-USD"] = ["ETH-USD", "ETHUSD", "ETH/USD", "Ethereum", "Ether", "ETH"],
        ["BTC-FUT"] = ["BTC-FUT", "Bitcoin futures", "Bitcoin future", "BTC futures", "CME Bitcoin"],
        ["SPX-FUT"] = ["SPX-FUT", "S&P 500 futures", "S&P futures", "S&P 500", "S&P500", "SPX", "E-mini"],
        ["EURUSD"] = ["EURUSD", "EUR/USD", "EUR-USD", "euro-dollar", "euro dollar", "euro", "EUR"],
        ["GBPUSD"] = ["GBPUSD", "GBP/USD", "GBP-USD", "sterling", "British pound", "pound", "GBP"],
        ["AAPL"] = ["AAPL", "Apple", "iPhone maker"],
        ["XAU-USD"] = ["XAU-USD", "XAUUSD", "XAU/USD", "gold", "bullion", "XAU"],
    };
}
