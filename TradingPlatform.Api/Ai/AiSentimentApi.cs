using TradingPlatform.Api.Identity;

namespace TradingPlatform.Api.Ai;

/// <summary>
/// Seed 003's sentiment endpoints and news ingestion, served by the AiService (where the sentiment model and the news
/// store are) and answered here in the Api's envelope: <c>POST /api/analyze</c> (a text's sentiment, authenticity and
/// summary), <c>GET /api/sentiment?symbol&amp;window&amp;limit</c> (a symbol's time-decayed news sentiment and its
/// latest items) and <c>POST /api/news</c> (admins and internal services signed in as admin; 201 with the item, 200 with the stored one on
/// a retry) and <c>GET /api/news/{id}</c>.
/// </summary>
public static class AiSentimentApi
{
    public static IEndpointRouteBuilder MapAiSentimentApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/analyze", AiForwardedResults.ForwardAsync).RequireAuthorization(AuthorizationPolicies.Viewer).WithTags("Sentiment")
            .WithName("AnalyzeSentiment").WithSummary("A text's sentiment (−1..1, label, probabilities), heuristic authenticity score and one-line summary.");
        routes.MapGet("/api/sentiment", AiForwardedResults.ForwardAsync).RequireAuthorization(AuthorizationPolicies.Viewer).WithTags("Sentiment")
            .WithName("GetSentimentAggregate").WithSummary("A symbol's time-decayed news sentiment over a window (1h, 4h, 1d …) and its latest items with their scores.");
        routes.MapPost("/api/news", AiForwardedResults.ForwardAsync).RequireAuthorization(AuthorizationPolicies.Admin).WithTags("News")
            .WithName("IngestNews").WithSummary("Ingests a news item (admins and internal services): scored, its symbols recognised, pushed as market_news and sentiment.");
        routes.MapGet("/api/news/{id:guid}", AiForwardedResults.ForwardAsync).RequireAuthorization(AuthorizationPolicies.Viewer).WithTags("News")
            .WithName("GetNews").WithSummary("One ingested news item with its sentiment and symbols.");
        return routes;
    }
}
