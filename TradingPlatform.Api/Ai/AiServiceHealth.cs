using System.Net;

namespace TradingPlatform.Api.Ai;

/// <summary>What the AiService's <c>/health</c> answered.</summary>
public sealed record AiServiceHealth(HttpStatusCode StatusCode, string Body)
{
    public bool IsHealthy => StatusCode == HttpStatusCode.OK;
}
