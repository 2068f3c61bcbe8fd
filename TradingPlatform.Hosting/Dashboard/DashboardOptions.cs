namespace TradingPlatform.Hosting.Dashboard;

/// <summary>
/// The AppHost's dashboard and OTLP receiver (section <c>Dashboard</c>). The ports are Aspire's: the browser on 18888,
/// OTLP over gRPC on 18889 and over HTTP/protobuf on 18890; under <c>AppHost:RandomizePorts</c> all three are free ones.
/// </summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    public bool Enabled { get; set; } = true;

    public int Port { get; set; } = 18888;

    public int OtlpGrpcPort { get; set; } = 18889;

    public int OtlpHttpPort { get; set; } = 18890;

    /// <summary>The browser login token; generated per run when not set (Aspire's <c>/login?t=…</c>).</summary>
    public string? BrowserToken { get; set; }

    /// <summary>When set, OTLP requests must carry it in the <c>x-otlp-api-key</c> header (Aspire's name).</summary>
    public string? OtlpApiKey { get; set; }
}
