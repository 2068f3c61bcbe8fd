namespace TradingPlatform.Api.Ai;

/// <summary>The Api's typed client for the AiService, found through service discovery.</summary>
public sealed class AiServiceClient(HttpClient httpClient)
{
    /// <summary>The AiService's resource name in the AppHost, and so its service-discovery name.</summary>
    public const string ServiceName = "ai";

    /// <summary>Resolved from <c>services:ai:http:0</c> (environment variable <c>services__ai__http__0</c>).</summary>
    public static Uri BaseAddress { get; } = new($"http://{ServiceName}");

    private static readonly Uri HealthPath = new("/health", UriKind.Relative);

    /// <summary>Asks the AiService's readiness endpoint; throws <see cref="HttpRequestException"/> when it cannot be reached.</summary>
    public async Task<AiServiceHealth> GetHealthAsync(CancellationToken cancellationToken)
    {
        using var response = await httpClient.GetAsync(HealthPath, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new AiServiceHealth(response.StatusCode, body);
    }
}
