using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.SemanticKernel;
using StackExchange.Redis;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.ServiceDefaults.Redis;

namespace TradingPlatform.AiService.Chat.Tools;

/// <summary>
/// The tools a configured model may call while answering (<c>FunctionChoiceBehavior.Auto()</c>): they read, and never
/// change, the caller's own positions, orders and backtests (plain SQL on the Api's trading schema, as
/// <c>AnalysisCandles</c> reads candles, always filtered by <see cref="_userId"/>, the token's user: the model chooses
/// no user), the latest quotes (the Api's Redis quote book, else the last stored candle) and forecasts (the in-process
/// forecast service). One instance per answer, created for its caller. Not offered to the offline answerer.
/// </summary>
internal sealed class TradingDataPlugin(AiDbContext db, IConnectionMultiplexer redis, RedisNamespace keys, ForecastService forecasts, Guid userId)
{
    public const string PluginName = "trading";

    private const int MaxRows = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Guid _userId = userId;

    private sealed record PositionRow(Guid Id, Guid AccountId, string Symbol, string Side, decimal Quantity, decimal EntryPrice, decimal Margin,
        decimal? StopLoss, decimal? TakeProfit, decimal LiquidationPrice, DateTimeOffset OpenedAt);

    private sealed record OrderRow(Guid Id, Guid AccountId, string Symbol, string Side, string Type, string Status, decimal Quantity,
        decimal FilledQuantity, decimal? Price, decimal? AveragePrice, int Leverage, DateTimeOffset CreatedAt);

    private sealed record BacktestRow(Guid Id, string Algorithm, string Status, string[] Symbols, string Interval, int Leverage,
        int TradeCount, string? Metrics, DateTimeOffset CreatedAt);

    private sealed record CandleRow(DateTimeOffset OpenTime, decimal Close);

    [KernelFunction("get_positions"), Description("The user's open positions in all their paper-trading accounts: symbol, side, quantity, entry price, margin (leverage = quantity x entry / margin), stop-loss, take-profit, liquidation price.")]
    public async Task<string> GetPositionsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<PositionRow>($"""
            SELECT p."Id", p."AccountId", p."Symbol", p."Side", p."Quantity", p."EntryPrice", p."Margin", p."StopLoss", p."TakeProfit",
                   p."LiquidationPrice", p."OpenedAt"
            FROM trading.positions p JOIN trading.accounts a ON a."Id" = p."AccountId"
            WHERE a."OwnerId" = {_userId} AND a."DeletedAt" IS NULL AND p."ClosedAt" IS NULL
            ORDER BY p."OpenedAt" DESC LIMIT {MaxRows}
            """).ToListAsync(cancellationToken);
        return JsonSerializer.Serialize(new { positions = rows }, Json);
    }

    [KernelFunction("get_orders"), Description("The user's most recent orders (newest first) in all their accounts, with type, status, quantities and prices.")]
    public async Task<string> GetOrdersAsync([Description("How many orders, 1 to 50.")] int limit = 20, CancellationToken cancellationToken = default)
    {
        var take = Math.Clamp(limit, 1, MaxRows);
        var rows = await db.Database.SqlQuery<OrderRow>($"""
            SELECT o."Id", o."AccountId", o."Symbol", o."Side", o."Type", o."Status", o."Quantity", o."FilledQuantity", o."Price",
                   o."AveragePrice", o."Leverage", o."CreatedAt"
            FROM trading.orders o JOIN trading.accounts a ON a."Id" = o."AccountId"
            WHERE a."OwnerId" = {_userId}
            ORDER BY o."CreatedAt" DESC LIMIT {take}
            """).ToListAsync(cancellationToken);
        return JsonSerializer.Serialize(new { orders = rows }, Json);
    }

    [KernelFunction("get_backtests"), Description("The user's most recent backtests (newest first): algorithm, status, symbols, interval, leverage, trades and their metrics (return, drawdown, Sharpe, win rate).")]
    public async Task<string> GetBacktestsAsync([Description("How many backtests, 1 to 50.")] int limit = 10, CancellationToken cancellationToken = default)
    {
        var take = Math.Clamp(limit, 1, MaxRows);
        var rows = await db.Database.SqlQuery<BacktestRow>($"""
            SELECT b."Id", b."Algorithm", b."Status", b."Symbols", b."Interval", b."Leverage", b."TradeCount", b."Metrics"::text AS "Metrics", b."CreatedAt"
            FROM trading.backtests b
            WHERE b."OwnerId" = {_userId}
            ORDER BY b."CreatedAt" DESC LIMIT {take}
            """).ToListAsync(cancellationToken);
        return JsonSerializer.Serialize(new { backtests = rows.Select(r => new
        {
            r.Id, r.Algorithm, r.Status, r.Symbols, r.Interval, r.Leverage, r.TradeCount, r.CreatedAt,
            Metrics = r.Metrics is null ? (JsonElement?)null : JsonDocument.Parse(r.Metrics).RootElement.Clone(),
        }) }, Json);
    }

    [KernelFunction("get_quote"), Description("The latest quote of a symbol (bid, ask, last, time), e.g. EURUSD or AAPL.")]
    public async Task<string> GetQuoteAsync([Description("The instrument's symbol.")] string symbol, CancellationToken cancellationToken = default)
    {
        var name = (symbol ?? "").Trim().ToUpperInvariant();
        if (name.Length is 0 or > 32)
        {
            return JsonSerializer.Serialize(new { error = "A symbol of 1 to 32 characters is required." }, Json);
        }

        var hash = await redis.GetDatabase().HashGetAllAsync(keys.Key($"quotes:{name}"));
        if (hash.Length > 0)
        {
            return JsonSerializer.Serialize(new { quote = hash.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString()) }, Json);
        }

        var last = await db.Database.SqlQuery<CandleRow>($"""
            SELECT open_time AS "OpenTime", close AS "Close" FROM trading.candles WHERE symbol = {name} ORDER BY open_time DESC LIMIT 1
            """).ToListAsync(cancellationToken);
        return last.Count == 0
            ? JsonSerializer.Serialize(new { error = $"No quote or candle of '{name}' is stored." }, Json)
            : JsonSerializer.Serialize(new { quote = new { symbol = name, last = last[0].Close, timestamp = last[0].OpenTime, source = "last stored candle" } }, Json);
    }

    [KernelFunction("get_forecast"), Description("The active N-BEATS model's price forecast for a symbol and candle interval (1m, 5m, 15m, 1h, 4h, 1d), with its intervals.")]
    public async Task<string> GetForecastAsync(
        [Description("The instrument's symbol.")] string symbol, [Description("The candle interval, e.g. 1h.")] string interval = "1h",
        CancellationToken cancellationToken = default)
    {
        var (forecast, problem) = (await forecasts.ForecastAsync([new ForecastRequest(symbol, interval, null, null)], cancellationToken))[0];
        return forecast is not null
            ? JsonSerializer.Serialize(new { forecast }, Json)
            : JsonSerializer.Serialize(new { error = problem?.Message ?? "No forecast.", status = problem?.Status.ToString(CultureInfo.InvariantCulture) }, Json);
    }
}
