namespace TradingPlatform.Api.Monitoring;

/// <summary>
/// The AppHost's resource API (section <c>AppHost</c>), set by the AppHost when it launches the Api
/// (<c>AppHost__ResourceApiUrl</c>, <c>AppHost__ResourceApiKey</c>). Unset outside the AppHost.
/// </summary>
public sealed class AppHostOptions
{
    public const string Section = "AppHost";

    /// <summary>The resource API's address, e.g. <c>http://localhost:18888/api/resources</c>.</summary>
    public Uri? ResourceApiUrl { get; set; }

    /// <summary>The bearer key the resource API expects.</summary>
    public string? ResourceApiKey { get; set; }

    public bool IsConfigured => ResourceApiUrl is not null && !string.IsNullOrEmpty(ResourceApiKey);
}
