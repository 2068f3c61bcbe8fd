using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Data;

namespace TradingPlatform.AiService.News;

/// <summary>
/// <c>GET /api/sentiment?symbol&amp;window&amp;limit</c> (seed 003): the time-decayed sentiment of the news over
/// <c>window</c> (<c>1h</c>, <c>4h</c>, <c>1d</c>, any count of <c>m</c>, <c>h</c> or <c>d</c> from 1 minute to 7 days;
/// default <c>News:DefaultWindow</c>) for <c>symbol</c> (a catalog symbol or an alias; all news without one), with the
/// latest <c>limit</c> (0 to 100, default 20) items. An unknown symbol, a bad window or limit answers 400 naming it.
/// </summary>
public static class SentimentAggregateApi
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapSentimentAggregateApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/sentiment", AggregateAsync).RequireAuthorization().AddEndpointFilter<SchemaReadyFilter>().WithTags("Sentiment")
            .WithName("GetSentimentAggregate")
            .WithSummary("A symbol's time-decayed news sentiment over a window (exponential decay, News:SentimentHalfLife) and its latest items.");
        return endpoints;
    }

    private static async Task<Results<Ok<SentimentAggregateResponse>, ValidationProblem>> AggregateAsync(
        HttpRequest request, AiDbContext db, IOptions<NewsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var query = request.Query;
        var errors = new Dictionary<string, string[]>();

        string? symbol = null;
        if (query["symbol"].ToString() is { Length: > 0 } requested)
        {
            symbol = SymbolRecognizer.Resolve(requested);
            if (symbol is null)
            {
                errors["symbol"] = [$"Unknown symbol '{requested}'. Known: {string.Join(", ", SymbolRecognizer.Symbols)}."];
            }
        }

        var windowText = query["window"].ToString() is { Length: > 0 } w ? w : settings.DefaultWindow;
        if (!SentimentWindow.TryParse(windowText, out var window))
        {
            errors["window"] = [$"window '{windowText}' is not a count and a unit m, h or d (e.g. 1h, 4h, 1d) from {SentimentWindow.Min.TotalMinutes:0} minute to {SentimentWindow.Max.TotalDays:0} days."];
        }

        var limit = DefaultLimit;
        if (query["limit"].ToString() is { Length: > 0 } limitText && (!int.TryParse(limitText, out limit) || limit is < 0 or > MaxLimit))
        {
            errors["limit"] = [$"limit '{limitText}' must be a whole number from 0 to {MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The sentiment query is not valid.");
        }

        var now = time.GetUtcNow();
        var halfLife = settings.SentimentHalfLife;
        var decay = SentimentDecay.Of(
            await NewsSentimentQuery.ScoresAsync(db, symbol, window, now, settings.FutureTolerance, cancellationToken), now, halfLife);
        var latest = limit == 0
            ? []
            : await NewsSentimentQuery.Items(db, symbol, window, now, settings.FutureTolerance)
                .OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.ReceivedAt).Take(limit).ToListAsync(cancellationToken);
        var items = latest.ConvertAll(n => new SentimentAggregateItem(n.Id, n.Headline, n.Source, n.PublishedAt, n.Symbols, n.SentimentScore,
            n.SentimentLabel, n.Impact, SentimentDecay.Of([(n.PublishedAt, n.SentimentScore)], now, halfLife).Weight));
        return TypedResults.Ok(new SentimentAggregateResponse(symbol, window.Text, halfLife.TotalHours, now, decay.Score, decay.Label,
            decay.Count, decay.Weight, items));
    }
}
