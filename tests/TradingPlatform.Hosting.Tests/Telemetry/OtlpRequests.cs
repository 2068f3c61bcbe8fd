using Google.Protobuf;
using TradingPlatform.Hosting.Telemetry.Otlp.Collector.Logs.V1;
using TradingPlatform.Hosting.Telemetry.Otlp.Collector.Metrics.V1;
using TradingPlatform.Hosting.Telemetry.Otlp.Collector.Trace.V1;
using TradingPlatform.Hosting.Telemetry.Otlp.Common.V1;
using TradingPlatform.Hosting.Telemetry.Otlp.Logs.V1;
using TradingPlatform.Hosting.Telemetry.Otlp.Metrics.V1;
using TradingPlatform.Hosting.Telemetry.Otlp.Resource.V1;
using TradingPlatform.Hosting.Telemetry.Otlp.Trace.V1;

namespace TradingPlatform.Hosting.Tests.Telemetry;

/// <summary>Hand-built OTLP requests for the store and receiver edge cases the real exporter cannot produce on demand.</summary>
internal static class OtlpRequests
{
    private static readonly DateTime Epoch = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static ulong Nanos(int second) => (ulong)(Epoch.AddSeconds(second) - DateTime.UnixEpoch).Ticks * 100;

    public static ByteString TraceId(int n) => ByteString.CopyFrom(Convert.FromHexString($"{n:x32}"));

    public static ByteString SpanId(int n) => ByteString.CopyFrom(Convert.FromHexString($"{n:x16}"));

    public static ExportTraceServiceRequest Spans(string service, params (int Trace, int Span, int Second)[] spans)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "test" } };
        scope.Spans.AddRange(spans.Select(s => new Span
        {
            TraceId = TraceId(s.Trace),
            SpanId = SpanId(s.Span),
            Name = $"span {s.Span}",
            Kind = Span.Types.SpanKind.Internal,
            StartTimeUnixNano = Nanos(s.Second),
            EndTimeUnixNano = Nanos(s.Second + 1),
        }));
        var resource = new ResourceSpans { Resource = Resource(service) };
        resource.ScopeSpans.Add(scope);
        return new ExportTraceServiceRequest { ResourceSpans = { resource } };
    }

    public static ExportLogsServiceRequest Logs(string service, params string[] messages)
    {
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "test" } };
        scope.LogRecords.AddRange(messages.Select((m, i) => new LogRecord
        {
            TimeUnixNano = Nanos(i),
            SeverityNumber = SeverityNumber.Info,
            SeverityText = "Information",
            Body = new AnyValue { StringValue = m },
        }));
        var resource = new ResourceLogs { Resource = Resource(service) };
        resource.ScopeLogs.Add(scope);
        return new ExportLogsServiceRequest { ResourceLogs = { resource } };
    }

    public static ExportMetricsServiceRequest Gauge(string service, string name, params double[] values)
    {
        var gauge = new Gauge();
        gauge.DataPoints.AddRange(values.Select((v, i) => new NumberDataPoint { TimeUnixNano = Nanos(i), AsDouble = v }));
        var scope = new ScopeMetrics { Scope = new InstrumentationScope { Name = "test" } };
        scope.Metrics.Add(new Metric { Name = name, Unit = "1", Gauge = gauge });
        var resource = new ResourceMetrics { Resource = Resource(service) };
        resource.ScopeMetrics.Add(scope);
        return new ExportMetricsServiceRequest { ResourceMetrics = { resource } };
    }

    private static Resource Resource(string service) => new()
    {
        Attributes =
        {
            new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } },
            new KeyValue { Key = "service.instance.id", Value = new AnyValue { StringValue = service + "-1" } },
        },
    };
}
