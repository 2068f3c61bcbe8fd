using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Infrastructure.Responses;

namespace TradingPlatform.Api.Ai;

/// <summary>
/// Seed 003's <c>GET /api/predictions</c> (the caller's served forecasts and trends, newest first, with each one's
/// realised error once scored) and <c>GET /api/predictions/scores</c> (the running live scores per model version and
/// symbol), kept and scored by the AiService and forwarded with the caller's token. The list is an append-only stream,
/// so it answers in the cursor envelope (<c>data</c>, <c>nextCursor</c>, <c>total</c> at the top, as
/// <c>/api/signals</c>); the scores are plain <c>data</c>. The AiService's 400s (limit, cursor, symbol, model) come
/// back as validation errors naming the field.
/// </summary>
public static class AiPredictionsApi
{
    public static IEndpointRouteBuilder MapAiPredictionsApi(this IEndpointRouteBuilder routes)
    {
        var predictions = routes.MapGroup("/api/predictions").WithTags("Forecasting").RequireAuthorization(AuthorizationPolicies.Viewer);
        predictions.MapGet("/", ListAsync).WithName("ListPredictions")
            .WithSummary("The caller's predictions newest first, cursor-paginated (limit ≤ 100, cursor; filters symbol, model), with the realised error once known.");
        predictions.MapGet("/scores", AiForwardedResults.ForwardAsync).WithName("GetPredictionScores")
            .WithSummary("Running live scores per model version and symbol: scored, unscorable and pending counts, mean MAE and sMAPE, interval coverage, trend hit rate.");
        return routes;
    }

    /// <summary>Forwards, then lifts the AiService's page (<c>{data, nextCursor, total}</c>) into the cursor envelope.</summary>
    private static async Task<IResult> ListAsync(HttpContext context, AiServiceClient ai, TimeProvider time, CancellationToken cancellationToken)
    {
        var result = await AiForwardedResults.ForwardAsync(context, ai, time, cancellationToken);
        if (result is Ok<ApiResponse<JsonElement>> { Value.Data: { ValueKind: JsonValueKind.Object } page }
            && page.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            && page.TryGetProperty("total", out var total) && total.TryGetInt64(out var count))
        {
            var next = page.TryGetProperty("nextCursor", out var cursor) && cursor.ValueKind == JsonValueKind.String ? cursor.GetString() : null;
            return TypedResults.Ok(new CursorPagedResponse<JsonElement>(data.EnumerateArray().ToList(), next, count, time.GetUtcNow()));
        }

        return result;
    }
}
