using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Infrastructure.Responses;

namespace TradingPlatform.Api.Ai;

/// <summary>
/// Seed 001's AI analysis and recommendations, served by the AiService (candles, models and news are there) and
/// answered here in the Api's envelope; the AiService keeps each caller's recommendations apart. The recommendations
/// answer as seed 001 has them: <c>data</c> the array, with the page in <c>pagination</c>.
/// </summary>
public static class AiAnalysisApi
{
    public static IEndpointRouteBuilder MapAiAnalysisApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/ai").WithTags("Analysis");
        group.MapPost("/analysis", AiForwardedResults.ForwardAsync).RequireAuthorization(AuthorizationPolicies.Viewer)
            .WithName("AnalyzeMarket").WithSummary("Trend, support and resistance, chart patterns, sentiment, a signal and a recommendation for a symbol and timeframe.");
        group.MapGet("/recommendations", ListAsync).RequireAuthorization(AuthorizationPolicies.Viewer)
            .WithName("ListAiRecommendations").WithSummary("The caller's recommendations, newest first, with status and expiry; filter by symbol, page and limit.");
        return routes;
    }

    /// <summary>Forwards, then lifts the AiService's page (<c>{items, page, limit, total}</c>) into the paged envelope.</summary>
    private static async Task<IResult> ListAsync(HttpContext context, AiServiceClient ai, TimeProvider time, CancellationToken cancellationToken)
    {
        var result = await AiForwardedResults.ForwardAsync(context, ai, time, cancellationToken);
        if (result is Ok<ApiResponse<JsonElement>> { Value.Data: { ValueKind: JsonValueKind.Object } page }
            && page.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            && page.TryGetProperty("page", out var number) && number.TryGetInt32(out var pageNumber)
            && page.TryGetProperty("limit", out var limit) && limit.TryGetInt32(out var pageLimit)
            && page.TryGetProperty("total", out var total) && total.TryGetInt64(out var count))
        {
            return TypedResults.Ok(new PagedResponse<JsonElement>(items.EnumerateArray().ToList(), new Pagination(pageNumber, pageLimit, count), time.GetUtcNow()));
        }

        return result;
    }
}
