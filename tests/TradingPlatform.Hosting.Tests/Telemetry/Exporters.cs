using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TradingPlatform.Hosting.Dashboard;

namespace TradingPlatform.Hosting.Tests.Telemetry;

/// <summary>The real OpenTelemetry .NET SDK and OTLP exporter, configured as a service under the AppHost would be.</summary>
internal static class Exporters
{
    public static TracerProvider Tracer(OtlpReceiverServer server, OtlpExportProtocol protocol, string service, string source, string? apiKey = null) =>
        Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(Resource(service))
            .AddSource(source)
            .AddOtlpExporter(o => Configure(o, server, protocol, "/v1/traces", apiKey))
            .Build()!;

    public static MeterProvider Meter(OtlpReceiverServer server, OtlpExportProtocol protocol, string service, string meter, string? apiKey = null) =>
        Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(Resource(service))
            .AddMeter(meter)
            .AddOtlpExporter((o, reader) =>
            {
                Configure(o, server, protocol, "/v1/metrics", apiKey);
                // Only ForceFlush exports, so the test decides when points are taken.
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 3_600_000;
            })
            .Build()!;

    /// <summary>A logging container whose <see cref="LoggerProvider"/> the caller flushes.</summary>
    public static ServiceProvider Logging(OtlpReceiverServer server, OtlpExportProtocol protocol, string service, string? apiKey = null) =>
        new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddOpenTelemetry(o =>
            {
                o.SetResourceBuilder(Resource(service));
                o.IncludeFormattedMessage = true;
                o.AddOtlpExporter(e => Configure(e, server, protocol, "/v1/logs", apiKey));
            }))
            .BuildServiceProvider();

    public static string InstanceId(string service) => $"{service}-instance-1";

    private static ResourceBuilder Resource(string service) =>
        ResourceBuilder.CreateEmpty().AddService(service, serviceInstanceId: InstanceId(service));

    private static void Configure(OtlpExporterOptions options, OtlpReceiverServer server, OtlpExportProtocol protocol, string path, string? apiKey)
    {
        options.Protocol = protocol;
        // Set in code, the HTTP endpoint is used as is (no /v1/... appended), the gRPC one is the server's root.
        options.Endpoint = protocol == OtlpExportProtocol.Grpc ? server.GrpcEndpoint : new Uri(server.HttpEndpoint, path);
        if (apiKey is not null)
        {
            options.Headers = $"{DashboardSettings.OtlpApiKeyHeader}={apiKey}";
        }
    }
}
