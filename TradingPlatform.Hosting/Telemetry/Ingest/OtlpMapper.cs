using TradingPlatform.Hosting.Telemetry.Otlp.Logs.V1;
using TradingPlatform.Hosting.Telemetry.Otlp.Metrics.V1;
using TradingPlatform.Hosting.Telemetry.Otlp.Trace.V1;

namespace TradingPlatform.Hosting.Telemetry.Ingest;

/// <summary>OTLP records to the dashboard's immutable records.</summary>
internal static class OtlpMapper
{
    public static TelemetryLogEntry Log(LogRecord record, string resource, string instanceId, string category, long sequence)
    {
        var severity = (int)record.SeverityNumber;
        // Some senders only set the observed time (when the collector saw it); either is better than 1970.
        var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
        return new TelemetryLogEntry(
            sequence,
            OtlpValues.Time(time),
            resource,
            instanceId,
            LogLevels.From(severity, record.SeverityText),
            record.SeverityText,
            severity,
            OtlpValues.Text(record.Body),
            category,
            record.EventName,
            OtlpValues.Id(record.TraceId),
            OtlpValues.Id(record.SpanId),
            OtlpValues.Attributes(record.Attributes));
    }

    public static TelemetrySpan Span(Span span, string resource, string instanceId, string scope) => new(
        OtlpValues.Id(span.TraceId),
        OtlpValues.Id(span.SpanId),
        OtlpValues.Id(span.ParentSpanId),
        span.Name,
        (TelemetrySpanKind)span.Kind,
        resource,
        instanceId,
        scope,
        OtlpValues.Time(span.StartTimeUnixNano),
        OtlpValues.Time(span.EndTimeUnixNano),
        span.Status is null ? TelemetrySpanStatus.Unset : (TelemetrySpanStatus)span.Status.Code,
        span.Status?.Message ?? string.Empty,
        OtlpValues.Attributes(span.Attributes),
        span.Events.Count == 0
            ? []
            : span.Events.Select(e => new TelemetrySpanEvent(OtlpValues.Time(e.TimeUnixNano), e.Name, OtlpValues.Attributes(e.Attributes))).ToArray());

    public static MetricInstrumentType? Type(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => MetricInstrumentType.Gauge,
        Metric.DataOneofCase.Sum => MetricInstrumentType.Sum,
        Metric.DataOneofCase.Histogram or Metric.DataOneofCase.ExponentialHistogram or Metric.DataOneofCase.Summary =>
            MetricInstrumentType.Histogram,
        _ => null,
    };

    /// <summary>The chartable points of a metric; points flagged "no recorded value" are skipped.</summary>
    public static IEnumerable<MetricPoint> Points(Metric metric)
    {
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                return metric.Gauge.DataPoints.Where(HasValue).Select(Number);
            case Metric.DataOneofCase.Sum:
                return metric.Sum.DataPoints.Where(HasValue).Select(Number);
            case Metric.DataOneofCase.Histogram:
                return metric.Histogram.DataPoints.Where(p => !NoValue(p.Flags)).Select(p => Histogram(
                    p.TimeUnixNano, p.Count, p.HasSum ? p.Sum : null, p.HasMin ? p.Min : null, p.HasMax ? p.Max : null, p.Attributes));
            case Metric.DataOneofCase.ExponentialHistogram:
                return metric.ExponentialHistogram.DataPoints.Where(p => !NoValue(p.Flags)).Select(p => Histogram(
                    p.TimeUnixNano, p.Count, p.HasSum ? p.Sum : null, p.HasMin ? p.Min : null, p.HasMax ? p.Max : null, p.Attributes));
            case Metric.DataOneofCase.Summary:
                return metric.Summary.DataPoints.Where(p => !NoValue(p.Flags)).Select(p => Histogram(
                    p.TimeUnixNano, p.Count, p.Sum, null, null, p.Attributes));
            default:
                return [];
        }
    }

    private static bool HasValue(NumberDataPoint point) =>
        !NoValue(point.Flags) && point.ValueCase != NumberDataPoint.ValueOneofCase.None;

    private static bool NoValue(uint flags) => (flags & (uint)DataPointFlags.NoRecordedValueMask) != 0;

    private static MetricPoint Number(NumberDataPoint point) => new(
        OtlpValues.Time(point.TimeUnixNano),
        point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble,
        null,
        null,
        null,
        null,
        OtlpValues.Attributes(point.Attributes));

    private static MetricPoint Histogram(
        ulong time, ulong count, double? sum, double? min, double? max, Google.Protobuf.Collections.RepeatedField<Otlp.Common.V1.KeyValue> attributes) =>
        new(
            OtlpValues.Time(time),
            count == 0 || sum is null ? 0 : sum.Value / count,
            count,
            sum,
            min,
            max,
            OtlpValues.Attributes(attributes));
}
