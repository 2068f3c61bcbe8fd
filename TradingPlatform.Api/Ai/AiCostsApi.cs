using TradingPlatform.Api.Identity;

namespace TradingPlatform.Api.Ai;

/// <summary>
/// The AI calls' cost statistics, kept and computed by the AiService (which meters its calls) and answered here in the
/// Api's envelope: <c>GET /api/ai/cost/statistics?from&amp;to</c> (aliases <c>from_date</c>, <c>to_date</c>), and the
/// same at seed 000's <c>/ai/cost/statistics</c>. An admin's cover every user, anyone else's their own.
/// </summary>
public static class AiCostsApi
{
    public static IEndpointRouteBuilder MapAiCostsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/ai/cost/statistics", AiForwardedResults.ForwardAsync).RequireAuthorization(AuthorizationPolicies.Viewer).WithTags("AI costs")
            .WithName("GetAiCostStatistics").WithSummary("The AI calls' requests, tokens (units), cost and latency over a date range, in total and by model, feature and UTC day.");
        routes.MapGet("/ai/cost/statistics", AiForwardedResults.ForwardAsync).RequireAuthorization(AuthorizationPolicies.Viewer).WithTags("AI costs")
            .WithName("GetAiCostStatisticsSeedPath").WithSummary("Seed 000's path of GET /api/ai/cost/statistics.");
        return routes;
    }
}
