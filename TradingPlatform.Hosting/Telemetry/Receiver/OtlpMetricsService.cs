using Grpc.Core;
using TradingPlatform.Hosting.Telemetry.Otlp.Collector.Metrics.V1;

namespace TradingPlatform.Hosting.Telemetry.Receiver;

/// <summary><c>opentelemetry.proto.collector.metrics.v1.MetricsService/Export</c>.</summary>
internal sealed class OtlpMetricsService(TelemetryStore store) : MetricsService.MetricsServiceBase
{
    private static readonly ExportMetricsServiceResponse Accepted = new();

    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        store.Add(request);
        return Task.FromResult(Accepted);
    }
}
