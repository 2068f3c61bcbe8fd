using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.AiService.News;
using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.AiService.Analysis;

/// <summary>
/// Seed 001's <c>POST /api/ai/analysis</c> (metered as <see cref="AiFeatures.Analysis"/>) and
/// <c>GET /api/ai/recommendations?symbol&amp;page&amp;limit</c>: the caller's own recommendations, newest first.
/// </summary>
public static class AnalysisApi
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapAnalysisApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/ai").RequireAuthorization().AddEndpointFilter<SchemaReadyFilter>().WithTags("Analysis");
        group.MapPost("/analysis", AnalyzeAsync).MeteredAs(AiFeatures.Analysis).WithName("AnalyzeMarket")
            .WithSummary("Trend, support and resistance from pivots, chart patterns, news sentiment, a signal and a recommendation for one symbol and timeframe.");
        group.MapGet("/recommendations", ListAsync).WithName("ListAiRecommendations")
            .WithSummary("The caller's recommendations, newest first, with status (active, expired, superseded) and expiry; filter by symbol.");
        return endpoints;
    }

    private static async Task<Results<Ok<AnalysisResponse>, ProblemHttpResult>> AnalyzeAsync(
        AnalysisRequest? request, AnalysisService service, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TypedResults.Problem("A JSON body with symbol, analysisType and timeframe is required.", statusCode: 400);
        }

        var owner = user.FindFirstValue(AccessTokenValidation.SubjectClaim) ?? "";
        var (response, problem) = await service.AnalyzeAsync(request, owner, cancellationToken);
        return response is not null ? TypedResults.Ok(response) : Problem(problem!);
    }

    private static async Task<Results<Ok<RecommendationList>, ValidationProblem>> ListAsync(
        HttpRequest request, ClaimsPrincipal user, AiDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var errors = new Dictionary<string, string[]>();
        string? symbol = null;
        if (query["symbol"].ToString() is { Length: > 0 } requested && (symbol = SymbolRecognizer.Resolve(requested)) is null)
        {
            errors["symbol"] = [$"Unknown symbol '{requested}'."];
        }

        var limit = DefaultLimit;
        if (query["limit"].ToString() is { Length: > 0 } limitText && (!int.TryParse(limitText, out limit) || limit is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"limit '{limitText}' must be a whole number from 1 to {MaxLimit}."];
        }

        var page = 1;
        if (query["page"].ToString() is { Length: > 0 } pageText && (!int.TryParse(pageText, out page) || page is < 1 or > 100_000))
        {
            errors["page"] = [$"page '{pageText}' must be a whole number from 1."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The recommendations query is not valid.");
        }

        var owner = user.FindFirstValue(AccessTokenValidation.SubjectClaim) ?? "";
        var mine = db.Recommendations.AsNoTracking().Where(r => r.UserId == owner);
        if (symbol is not null)
        {
            mine = mine.Where(r => r.Symbol == symbol);
        }

        var total = await mine.LongCountAsync(cancellationToken);
        var items = await mine.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * limit).Take(limit).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new RecommendationList([.. items.Select(r => RecommendationResponse.Of(r, now))], page, limit, total));
    }

    private static ProblemHttpResult Problem(ForecastProblem problem) =>
        TypedResults.Problem(problem.Message, statusCode: problem.Status,
            extensions: problem.Field is null ? null : new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [problem.Field] = [problem.Message] } });
}
