namespace TradingPlatform.Hosting.Dashboard;

/// <summary>
/// The dashboard's addresses and secrets for this run, fixed before anything starts: projects are launched with the
/// OTLP endpoint and the Api with the resource API's address and key.
/// </summary>
/// <param name="ResourceApiKey">The bearer key of the AppHost's resource API (<c>/api/resources</c>), random per run.</param>
public sealed record DashboardSettings(
    Uri DashboardUrl,
    Uri OtlpGrpcUrl,
    Uri OtlpHttpUrl,
    string BrowserToken,
    string ResourceApiKey,
    string? OtlpApiKey)
{
    public const string OtlpApiKeyHeader = "x-otlp-api-key";

    public Uri LoginUrl => new(DashboardUrl, $"/login?t={Uri.EscapeDataString(BrowserToken)}");

    public Uri ResourceApiUrl => new(DashboardUrl, "/api/resources");
}
