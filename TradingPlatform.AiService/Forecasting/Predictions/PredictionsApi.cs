using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.AiService.Data;
using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// Seed 003's <c>GET /api/predictions</c>: the caller's own served predictions, newest first, cursor-paginated, each
/// with its realised error once scored; and <c>GET /api/predictions/scores</c>: the running live scores per model
/// version and symbol over every user's predictions (a model's quality is not private; no prediction or user is
/// named), computed by SQL aggregates.
/// </summary>
public static class PredictionsApi
{
    public static IEndpointRouteBuilder MapPredictionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/predictions").RequireAuthorization().AddEndpointFilter<SchemaReadyFilter>().WithTags("Forecasting");
        group.MapGet("/", ListAsync).WithName("ListPredictions")
            .WithSummary("The caller's predictions newest first (limit ≤ 100, cursor; filters symbol, model), each with its realised error once known.");
        group.MapGet("/scores", ScoresAsync).WithName("GetPredictionScores")
            .WithSummary("Running live scores per model version and symbol: scored count, mean MAE and sMAPE, interval coverage, trend hit rate.");
        return endpoints;
    }

    private static async Task<Results<Ok<PredictionPage>, ValidationProblem>> ListAsync(
        HttpRequest request, ClaimsPrincipal user, AiDbContext db, CancellationToken cancellationToken)
    {
        var (query, errors) = PredictionQuery.Read(request.Query);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is not valid.");
        }

        var owner = user.FindFirstValue(AccessTokenValidation.SubjectClaim) ?? "";
        var predictions = Filter(db.Predictions.AsNoTracking().Where(p => p.UserId == owner), query);
        var total = await predictions.LongCountAsync(cancellationToken);
        if (query.After is { } after)
        {
            var (afterTime, afterId) = (after.IssuedAt, after.Id);
            predictions = predictions.Where(p => p.IssuedAt < afterTime || (p.IssuedAt == afterTime && p.Id < afterId));
        }

        var items = await predictions.OrderByDescending(p => p.IssuedAt).ThenByDescending(p => p.Id).Take(query.Limit + 1).ToListAsync(cancellationToken);
        string? next = null;
        if (items.Count > query.Limit)
        {
            items.RemoveAt(items.Count - 1);
            next = new PredictionCursor(items[^1].IssuedAt, items[^1].Id).Encode();
        }

        return TypedResults.Ok(new PredictionPage(items.Select(PredictionResponse.From).ToList(), next, total));
    }

    private static async Task<Results<Ok<List<ModelScore>>, ValidationProblem>> ScoresAsync(HttpRequest request, AiDbContext db, CancellationToken cancellationToken)
    {
        var (query, errors) = PredictionQuery.Read(request.Query);
        if (query is null || query.After is not null)
        {
            return TypedResults.ValidationProblem(query is null ? errors : new() { ["cursor"] = ["The scores are not paginated."] }, title: "The query is not valid.");
        }

        // One grouped query: PostgreSQL counts, sums and averages (avg skips the nulls of the unscored).
        var rows = await Filter(db.Predictions.AsNoTracking(), query)
            .GroupBy(p => new { p.ModelName, p.ModelVersion, p.Symbol, p.Interval })
            .Select(g => new
            {
                g.Key.ModelName, g.Key.ModelVersion, g.Key.Symbol, g.Key.Interval,
                Scored = g.LongCount(p => p.Status == PredictionStatus.Scored),
                Unscorable = g.LongCount(p => p.Status == PredictionStatus.Unscorable),
                Pending = g.LongCount(p => p.Status == PredictionStatus.Pending),
                MeanMae = g.Average(p => p.Mae),
                MeanSmape = g.Average(p => p.Smape),
                Inside = g.Sum(p => p.PointsInside),
                Points = g.Sum(p => p.Status == PredictionStatus.Scored ? p.Horizon : 0),
                Nominal = g.Average(p => p.IntervalLevel),
                TrendScored = g.LongCount(p => p.DirectionHit != null),
                TrendHits = g.LongCount(p => p.DirectionHit == true),
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows
            .OrderBy(r => r.ModelName, StringComparer.Ordinal).ThenByDescending(r => r.ModelVersion).ThenBy(r => r.Symbol, StringComparer.Ordinal)
            .Select(r => new ModelScore(r.ModelName, r.ModelVersion, r.Symbol, r.Interval, r.Scored, r.Unscorable, r.Pending, r.MeanMae, r.MeanSmape,
                r.Points == 0 ? null : (double)(r.Inside ?? 0) / r.Points, r.Nominal, r.TrendScored,
                r.TrendScored == 0 ? null : (double)r.TrendHits / r.TrendScored))
            .ToList());
    }

    private static IQueryable<Prediction> Filter(IQueryable<Prediction> predictions, PredictionQuery query)
    {
        if (query.Symbol is { } symbol)
        {
            predictions = predictions.Where(p => p.Symbol == symbol);
        }

        if (query.Model is { } model)
        {
            predictions = predictions.Where(p => p.ModelName == model);
        }

        return predictions;
    }
}
