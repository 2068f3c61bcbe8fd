using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Infrastructure.Data;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Market.Candles;
using TradingPlatform.Api.Market.Import;
using TradingPlatform.Api.Market.Instruments;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Market;

/// <summary>
/// <c>/api/market</c>: instruments (seed 001's symbol list, seed 004's specifications), candles (seed 001's
/// <c>/data</c>, seed 004's <c>/{symbol}/candles</c>), the latest quote, and the admins' CSV import. Everything but
/// the import is public. Candle lists end with the bar still forming, flagged <c>isComplete: false</c>.
/// </summary>
public static partial class MarketApi
{
    public const string ImportPath = "/api/market/import";

    public static RouteGroupBuilder MapMarketApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/market").WithTags("Market").RequireSchema<TradingDbContext>();
        group.MapGet("/symbols", ListSymbols).AllowAnonymous()
            .WithName("ListSymbols").WithSummary("Every tradeable symbol (seed 001 shape)");
        group.MapGet("/instruments", ListInstruments).AllowAnonymous()
            .WithName("ListInstruments").WithSummary("Instrument specifications; filter by type, active and symbol (substring)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/instruments/{symbol}", GetInstrument).AllowAnonymous()
            .WithName("GetInstrument").WithSummary("One instrument's specification, trading hours and whether it is open now")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/data", GetMarketDataAsync).AllowAnonymous()
            .WithName("GetMarketData")
            .WithSummary("OHLCV candles (seed 001): interval 1m|5m|15m|1h|4h|1d, limit ≤ 1000, optional startTime/endTime; the last bar may be forming (isComplete false)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{symbol}/candles", GetCandlesAsync).AllowAnonymous()
            .WithName("GetCandles")
            .WithSummary("OHLCV candles (seed 004): timeframe 1m|5m|15m|1h|4h|1d, limit ≤ 1000, optional start/end; the last bar may be forming (isComplete false)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/quotes/{symbol}", GetQuote).AllowAnonymous()
            .WithName("GetQuote").WithSummary("The latest bid, ask, last trade and volume; 503 until the feed has quoted the symbol")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/import", ImportAsync).RequireAuthorization(AuthorizationPolicies.Admin)
            .WithName("ImportCandles")
            .WithSummary("Admins: upsert OHLCV rows from CSV (text/csv body or a multipart file) for any symbol; all rows or none")
            .Accepts<string>("text/csv", "text/plain", "application/csv", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return group;
    }

    private static Ok<ApiResponse<IReadOnlyList<SymbolResponse>>> ListSymbols(InstrumentRegistry registry, TimeProvider time) =>
        ApiResults.Ok<IReadOnlyList<SymbolResponse>>([.. registry.All.Select(SymbolResponse.From)], time);

    private static Ok<ApiResponse<IReadOnlyList<InstrumentResponse>>> ListInstruments(
        string? type, string? active, string? symbol, InstrumentRegistry registry, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        InstrumentType? typeFilter = null;
        if (type is not null)
        {
            if (Enum.TryParse<InstrumentType>(type, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(type, out _))
            {
                typeFilter = parsed;
            }
            else
            {
                errors["type"] = [$"type must be one of {string.Join(", ", Enum.GetNames<InstrumentType>().Select(n => n.ToLowerInvariant()))}."];
            }
        }

        bool? activeFilter = null;
        if (active is not null)
        {
            if (bool.TryParse(active, out var parsed))
            {
                activeFilter = parsed;
            }
            else
            {
                errors["active"] = ["active must be true or false."];
            }
        }

        if (errors.Count > 0)
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, string.Join(" ", errors.Values.SelectMany(v => v)), errors);
        }

        var now = time.GetUtcNow();
        var instruments = registry.All
            .Where(i => typeFilter is null || i.Type == typeFilter)
            .Where(i => activeFilter is null || i.Active == activeFilter)
            .Where(i => string.IsNullOrWhiteSpace(symbol) || i.Symbol.Contains(symbol.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(i => InstrumentResponse.From(i, now))
            .ToList();
        return ApiResults.Ok<IReadOnlyList<InstrumentResponse>>(instruments, time);
    }

    private static Ok<ApiResponse<InstrumentResponse>> GetInstrument(string symbol, InstrumentRegistry registry, TimeProvider time) =>
        ApiResults.Ok(InstrumentResponse.From(FindInstrument(registry, symbol), time.GetUtcNow()), time);

    private static async Task<Ok<ApiResponse<MarketDataResponse>>> GetMarketDataAsync(
        string? symbol, string? interval, string? limit, string? startTime, string? endTime,
        CandleReader reader, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(symbol))
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, "symbol is required.",
                new Dictionary<string, string[]> { ["symbol"] = ["symbol is required."] });
        }

        var query = CandleQuery.Parse("interval", interval, "limit", limit, "startTime", startTime, "endTime", endTime);
        var known = await reader.ResolveSymbolAsync(symbol.Trim(), cancellationToken);
        var candles = await reader.ReadAsync(known, query, cancellationToken);
        return ApiResults.Ok(new MarketDataResponse(known, query.Interval.Code, candles), time);
    }

    private static async Task<Ok<ApiResponse<CandlesResponse>>> GetCandlesAsync(
        string symbol, string? timeframe, string? limit, string? start, string? end,
        CandleReader reader, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = CandleQuery.Parse("timeframe", timeframe, "limit", limit, "start", start, "end", end);
        var known = await reader.ResolveSymbolAsync(symbol, cancellationToken);
        var candles = await reader.ReadAsync(known, query, cancellationToken);
        return ApiResults.Ok(new CandlesResponse(known, query.Interval.Code, candles), time);
    }

    private static Ok<ApiResponse<QuoteResponse>> GetQuote(string symbol, InstrumentRegistry registry, QuoteBook quotes, TimeProvider time)
    {
        var instrument = FindInstrument(registry, symbol);
        var quote = quotes.GetLatest(instrument.Symbol)
            ?? throw new ApiException(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable,
                $"There is no quote for {instrument.Symbol} yet; the market feed has not quoted it.") { RetryAfterSeconds = 1 };
        return ApiResults.Ok(QuoteResponse.From(quote), time);
    }

    private static async Task<Ok<ApiResponse<ImportResponse>>> ImportAsync(
        string? symbol, string? interval, HttpContext http, CandleStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var normalized = symbol is null ? null : Symbol.Normalize(symbol);
        if (normalized is null || !SymbolPattern().IsMatch(normalized))
        {
            errors["symbol"] = ["symbol is required: 1 to 32 letters, digits, '.', '_', '/' or '-'."];
        }

        var candleInterval = CandleInterval.OneMinute;
        if (interval is not null)
        {
            if (CandleInterval.TryParse(interval, out var parsed))
            {
                candleInterval = parsed.Value;
            }
            else
            {
                errors["interval"] = [$"interval must be one of {CandleInterval.Codes}."];
            }
        }

        if (errors.Count > 0)
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, string.Join(" ", errors.Values.SelectMany(v => v)), errors);
        }

        CsvParseResult result;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(cancellationToken);
            var file = (form.Files.Count > 0 ? form.Files[0] : null)
                ?? throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, "The form has no file.",
                    new Dictionary<string, string[]> { ["file"] = ["Attach the CSV file."] });
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            result = await CsvCandleParser.ParseAsync(reader, normalized!, candleInterval, cancellationToken);
        }
        else if (http.Request.ContentType is null || IsCsv(http.Request.ContentType))
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            result = await CsvCandleParser.ParseAsync(reader, normalized!, candleInterval, cancellationToken);
        }
        else
        {
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.Validation,
                "Send the rows as text/csv, or as a file in multipart/form-data.");
        }

        if (!result.IsValid)
        {
            var details = result.Errors.ToDictionary(e => $"line {e.Line}", e => new[] { e.Message }, StringComparer.Ordinal);
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation,
                $"{result.ErrorCount} of {result.Rows} rows are invalid; nothing was imported. First: line {result.Errors[0].Line}: {result.Errors[0].Message}.",
                details);
        }

        var (inserted, updated) = await store.ImportAsync(result.Candles, cancellationToken);
        return ApiResults.Ok(
            new ImportResponse(normalized!, candleInterval.Code, result.Candles.Count, inserted, updated, result.Candles[0].OpenTime, result.Candles[^1].OpenTime),
            time, $"Imported {result.Candles.Count} {candleInterval.Code} candles of {normalized}.");
    }

    private static Instrument FindInstrument(InstrumentRegistry registry, string symbol) =>
        registry.Find(symbol) ?? throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"Unknown symbol '{symbol}'.");

    private static bool IsCsv(string contentType) =>
        contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/csv", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._/-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolPattern();
}
