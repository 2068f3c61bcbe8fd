using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.Server;
using TradingPlatform.Api.Market;
using TradingPlatform.Api.Market.Candles;
using TradingPlatform.Api.Market.Instruments;

namespace TradingPlatform.Api.Mcp;

/// <summary>The simulated market's quotes and candles (the same for every user).</summary>
[McpServerToolType]
[Authorize(Policy = McpPolicies.Read)]
internal sealed class McpMarketTools(InstrumentRegistry registry, QuoteBook quotes, CandleReader candles)
{
    public const int MaxSymbols = 50;

    [McpServerTool(Name = "get_quotes", Title = "Quotes", ReadOnly = true, OpenWorld = false)]
    [Description("The latest bid, ask, last and mid price of each symbol (all listed instruments when symbols is omitted).")]
    public IReadOnlyList<McpQuote> GetQuotes(
        [Description("Symbols such as BTC-USD, ETH-USD, AAPL; omit for every listed instrument.")] string[]? symbols = null)
    {
        if (symbols is { Length: > MaxSymbols })
        {
            throw McpToolErrors.Invalid("symbols", $"Give at most {MaxSymbols} symbols.");
        }

        var wanted = symbols is { Length: > 0 } ? symbols : [.. registry.All.Select(i => i.Symbol)];
        var unknown = wanted.Where(s => registry.Find(s?.Trim()) is null).ToList();
        if (unknown.Count > 0)
        {
            throw McpToolErrors.Invalid("symbols",
                $"Unknown symbol(s): {string.Join(", ", unknown.Select(s => $"'{s}'"))}. Known: {string.Join(", ", registry.All.Select(i => i.Symbol))}.");
        }

        return [.. wanted.Select(s => registry.Find(s.Trim())!.Symbol).Distinct(StringComparer.Ordinal).Select(symbol =>
            quotes.GetLatest(symbol) is { } quote
                ? new McpQuote(symbol, QuoteResponse.From(quote), null)
                : new McpQuote(symbol, null, "No quote yet: the market feed has not quoted this symbol."))];
    }

    [McpServerTool(Name = "get_candles", Title = "Candles", ReadOnly = true, OpenWorld = false)]
    [Description("OHLCV candles of a symbol, oldest first: the last `limit` bars of the interval, or those between start and end.")]
    public Task<CandlesResponse> GetCandlesAsync(
        [Description("The symbol, e.g. BTC-USD.")] string symbol,
        [Description("1m, 5m, 15m, 1h, 4h or 1d (default 1h).")] string interval = "1h",
        [Description("How many bars, 1 to 1000 (default 100).")] int limit = 100,
        [Description("ISO-8601 UTC start (inclusive), optional.")] string? start = null,
        [Description("ISO-8601 UTC end (inclusive), optional.")] string? end = null,
        CancellationToken cancellationToken = default) => McpToolErrors.GuardAsync(async () =>
    {
        var query = CandleQuery.Parse("interval", interval, "limit", limit.ToString(CultureInfo.InvariantCulture), "start", start, "end", end);
        var known = await candles.ResolveSymbolAsync(symbol, cancellationToken);
        return new CandlesResponse(known, query.Interval.Code, await candles.ReadAsync(known, query, cancellationToken));
    });
}
