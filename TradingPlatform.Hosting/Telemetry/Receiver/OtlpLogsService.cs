using Grpc.Core;
using TradingPlatform.Hosting.Telemetry.Otlp.Collector.Logs.V1;

namespace TradingPlatform.Hosting.Telemetry.Receiver;

/// <summary><c>opentelemetry.proto.collector.logs.v1.LogsService/Export</c>.</summary>
internal sealed class OtlpLogsService(TelemetryStore store) : LogsService.LogsServiceBase
{
    private static readonly ExportLogsServiceResponse Accepted = new();

    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
    {
        store.Add(request);
        return Task.FromResult(Accepted);
    }
}
