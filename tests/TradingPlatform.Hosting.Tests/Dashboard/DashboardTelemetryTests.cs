using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TradingPlatform.Hosting.Dashboard;
using TradingPlatform.Hosting.Testing;

namespace TradingPlatform.Hosting.Tests.Dashboard;

/// <summary>
/// The real OpenTelemetry .NET exporter sends to the AppHost's own OTLP ports, over gRPC and over HTTP/protobuf, and
/// the data shows on the dashboard's pages and query API.
/// </summary>
public sealed class DashboardTelemetryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task Spans_and_logs_exported_to_the_apphost_are_on_the_dashboard(OtlpExportProtocol protocol)
    {
        var builder = DistributedApplicationTestingBuilder.Create(o => o.DisableDashboard = false);
        builder.Configuration["Dashboard:OtlpApiKey"] = "otlp-test-key";
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(Timeout);
        await app.StartAsync(timeout.Token);
        var settings = app.Services.GetRequiredService<DashboardSettings>();
        var service = $"svc-{protocol}".ToLowerInvariant();
        var marker = Guid.NewGuid().ToString("N");

        string traceId;
        using (var source = new ActivitySource(service))
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service, serviceInstanceId: $"{service}-1"))
            .AddSource(service)
            .AddOtlpExporter(o => Configure(o, settings, protocol, "/v1/traces"))
            .Build())
        using (var logging = LoggerFactory.Create(l => l.AddOpenTelemetry(o =>
            {
                o.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service, serviceInstanceId: $"{service}-1"));
                o.IncludeFormattedMessage = true;
                o.AddOtlpExporter(e => Configure(e, settings, protocol, "/v1/logs"));
            })))
        {
            using (var root = source.StartActivity($"order {marker}")!)
            {
                traceId = root.TraceId.ToHexString();
                using var child = source.StartActivity("fill")!;
                child.SetStatus(ActivityStatusCode.Error, "rejected");
                logging.CreateLogger("Orders").LogWarning("Order {Marker} rejected", marker);
            }

            Assert.True(tracing.ForceFlush(10_000));
        }

        using var client = new HttpClient { BaseAddress = settings.DashboardUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.BrowserToken);
        var spans = await PollAsync(client, $"/api/telemetry/traces/{traceId}", j => j.GetArrayLength() == 2, timeout.Token);
        Assert.All(spans.EnumerateArray(), s => Assert.Equal(service, s.GetProperty("resource").GetString()));
        var logs = await PollAsync(client, $"/api/telemetry/logs?resource={service}&q={marker}", j => j.GetArrayLength() == 1, timeout.Token);
        Assert.Equal(traceId, logs[0].GetProperty("traceId").GetString());

        var tracesPage = await client.GetStringAsync(new Uri($"/traces?q={marker}", UriKind.Relative), timeout.Token);
        Assert.Contains($"data-trace-id=\"{traceId}\"", tracesPage, StringComparison.Ordinal);
        Assert.Contains("error-row", tracesPage, StringComparison.Ordinal);
        var waterfall = await client.GetStringAsync(new Uri($"/traces/{traceId}", UriKind.Relative), timeout.Token);
        Assert.Contains($"order {marker}", waterfall, StringComparison.Ordinal);
        Assert.Contains("rejected", waterfall, StringComparison.Ordinal);
        var logsPage = await client.GetStringAsync(new Uri($"/structuredlogs?level=Warning&q={marker}", UriKind.Relative), timeout.Token);
        Assert.Contains($"Order {marker} rejected", logsPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_query_api_refuses_a_bad_filter_with_the_error_envelope()
    {
        var builder = DistributedApplicationTestingBuilder.Create(o => o.DisableDashboard = false);
        await using var app = builder.Build();
        await app.StartAsync();
        var settings = app.Services.GetRequiredService<DashboardSettings>();
        using var client = new HttpClient { BaseAddress = settings.DashboardUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.BrowserToken);

        using var level = await client.GetAsync(new Uri("/api/telemetry/logs?level=Loud", UriKind.Relative));
        using var limit = await client.GetAsync(new Uri("/api/telemetry/traces?limit=0", UriKind.Relative));
        using var missing = await client.GetAsync(new Uri("/api/telemetry/traces/0123456789abcdef0123456789abcdef", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, level.StatusCode);
        Assert.Equal("VALIDATION_ERROR", (await level.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, limit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static void Configure(OtlpExporterOptions options, DashboardSettings settings, OtlpExportProtocol protocol, string signalPath)
    {
        options.Protocol = protocol;
        // Set in code, the HTTP exporter takes the endpoint as the signal's full URL; gRPC takes the server's address.
        options.Endpoint = protocol == OtlpExportProtocol.Grpc ? settings.OtlpGrpcUrl : new Uri(settings.OtlpHttpUrl, signalPath);
        options.Headers = $"{DashboardSettings.OtlpApiKeyHeader}=otlp-test-key";
        options.ExportProcessorType = ExportProcessorType.Simple;
    }

    private static async Task<JsonElement> PollAsync(HttpClient client, string path, Func<JsonElement, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken) is var json && done(json))
            {
                return json;
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
