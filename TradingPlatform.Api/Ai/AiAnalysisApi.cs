using TradingPlatform.Api.Identity;

namespace TradingPlatform.Api.Ai;

/// <summary>
/// Seed 001's AI analysis and recommendations, served by the AiService (candles, models and news are there) and
/// answered here in the Api's envelope; the AiService keeps each caller's recommendations apart.
/// </summary>
public static class AiAnalysisApi
{
    public static IEndpointRouteBuilder MapAiAnalysisApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/ai").WithTags("Analysis");
        group.MapPost("/analysis", AiForwardedResults.ForwardAsync).RequireAuthorization(AuthorizationPolicies.Viewer)
            .WithName("AnalyzeMarket").WithSummary("Trend, support and resistance, chart patterns, sentiment, a signal and a recommendation for a symbol and timeframe.");
        group.MapGet("/recommendations", AiForwardedResults.ForwardAsync).RequireAuthorization(AuthorizationPolicies.Viewer)
            .WithName("ListAiRecommendations").WithSummary("The caller's recommendations, newest first, with status and expiry; filter by symbol, page and limit.");
        return routes;
    }
}
