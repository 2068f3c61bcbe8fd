using Grpc.Core;
using TradingPlatform.Hosting.Telemetry.Otlp.Collector.Trace.V1;

namespace TradingPlatform.Hosting.Telemetry.Receiver;

/// <summary><c>opentelemetry.proto.collector.trace.v1.TraceService/Export</c>.</summary>
internal sealed class OtlpTraceService(TelemetryStore store) : TraceService.TraceServiceBase
{
    private static readonly ExportTraceServiceResponse Accepted = new();

    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
    {
        store.Add(request);
        return Task.FromResult(Accepted);
    }
}
