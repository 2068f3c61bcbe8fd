using System.Text.RegularExpressions;

namespace TradingPlatform.AiService.News;

/// <summary>
/// The catalog symbols a news text names, through <see cref="InstrumentAliases"/>: "EUR/USD" and "euro-dollar" are
/// EURUSD, "Bitcoin" and "BTC" are BTC-USD. One regular expression of every alias, longest first, on whole words
/// (no letter or digit either side), case-insensitive.
/// </summary>
public static partial class SymbolRecognizer
{
    private static readonly Dictionary<string, string> SymbolByAlias = InstrumentAliases.BySymbol
        .SelectMany(pair => pair.Value.Select(alias => (Alias: Normalize(alias), Symbol: pair.Key)))
        .ToDictionary(p => p.Alias, p => p.Symbol, StringComparer.Ordinal);

    private static readonly Regex Pattern = new(
        @"(?<![\p{L}\p{N}])(?:" + string.Join("|", SymbolByAlias.Keys.OrderByDescending(a => a.Length).Select(Regex.Escape)) + @")(?![\p{L}\p{N}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    public static IReadOnlyCollection<string> Symbols => InstrumentAliases.BySymbol.Keys.ToList();

    /// <summary>The symbols named in <paramref name="texts"/>, each once, in the order first named.</summary>
    public static List<string> Recognize(params string?[] texts)
    {
        var found = new List<string>();
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            foreach (Match match in Pattern.Matches(text))
            {
                var symbol = SymbolByAlias[Normalize(match.Value)];
                if (!found.Contains(symbol, StringComparer.Ordinal))
                {
                    found.Add(symbol);
                }
            }
        }

        return found;
    }

    /// <summary>The catalog symbol for a symbol or alias a client sent (<c>btcusd</c>, <c>EUR/USD</c>); null when none.</summary>
    public static string? Resolve(string? symbolOrAlias) =>
        symbolOrAlias is not null && SymbolByAlias.TryGetValue(Normalize(symbolOrAlias.Trim()), out var symbol) ? symbol : null;

    private static string Normalize(string alias) => WhiteSpace().Replace(alias, " ").ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
