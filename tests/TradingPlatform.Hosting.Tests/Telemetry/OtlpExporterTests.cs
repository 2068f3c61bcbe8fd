using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TradingPlatform.Hosting.Telemetry;

namespace TradingPlatform.Hosting.Tests.Telemetry;

/// <summary>The real OpenTelemetry .NET exporter, over gRPC and over HTTP/protobuf, into the receiver and the store.</summary>
public sealed class OtlpExporterTests
{
    public static TheoryData<OtlpExportProtocol> Protocols => [OtlpExportProtocol.Grpc, OtlpExportProtocol.HttpProtobuf];

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Spans_from_two_services_are_joined_into_one_trace_with_attributes_and_the_error(OtlpExportProtocol protocol)
    {
        await using var server = await OtlpReceiverServer.StartAsync();
        var apiSource = "Test.Api." + Guid.NewGuid().ToString("N");
        var aiSource = "Test.Ai." + Guid.NewGuid().ToString("N");
        using var api = Exporters.Tracer(server, protocol, "api", apiSource);
        using var ai = Exporters.Tracer(server, protocol, "ai", aiSource);
        using var apiActivities = new ActivitySource(apiSource);
        using var aiActivities = new ActivitySource(aiSource);

        string traceId;
        using (var request = apiActivities.StartActivity("POST /api/ai/forecast", ActivityKind.Server)!)
        {
            request.SetTag("http.request.method", "POST");
            request.SetTag("order.count", 3);
            traceId = request.TraceId.ToHexString();
            using var forecast = aiActivities.StartActivity("forecast", ActivityKind.Internal, request.Context)!;
            forecast.SetTag("model", "n-beats");
            forecast.AddEvent(new ActivityEvent("model.loaded"));
            forecast.SetStatus(ActivityStatusCode.Error, "model timed out");
        }

        Assert.True(ai.ForceFlush(10_000));
        Assert.True(api.ForceFlush(10_000));

        var spans = await Eventually.Until(() => server.Store.GetTrace(traceId), s => s.Count == 2, "both spans of the trace");
        var root = spans[0];
        var child = spans[1];
        Assert.Equal(("POST /api/ai/forecast", "api", TelemetrySpanKind.Server, ""), (root.Name, root.Resource, root.Kind, root.ParentSpanId));
        Assert.Equal(("forecast", "ai", root.SpanId), (child.Name, child.Resource, child.ParentSpanId));
        Assert.Equal(Exporters.InstanceId("api"), root.InstanceId);
        Assert.Equal(apiSource, root.Scope);
        Assert.Matches("^[0-9a-f]{32}$", root.TraceId);
        Assert.Matches("^[0-9a-f]{16}$", root.SpanId);
        Assert.Contains(new TelemetryAttribute("http.request.method", "POST"), root.Attributes);
        Assert.Contains(new TelemetryAttribute("order.count", "3"), root.Attributes);
        Assert.Contains(new TelemetryAttribute("model", "n-beats"), child.Attributes);
        Assert.Equal((TelemetrySpanStatus.Error, "model timed out"), (child.Status, child.StatusMessage));
        Assert.Equal("model.loaded", Assert.Single(child.Events).Name);
        Assert.True(root.Start <= child.Start && child.End <= root.End && root.Duration > TimeSpan.Zero);

        var summary = Assert.Single(server.Store.GetTraces(new TraceQuery()));
        Assert.Equal((traceId, "POST /api/ai/forecast", "api", 2, true), (summary.TraceId, summary.RootName, summary.RootResource, summary.SpanCount, summary.HasError));
        Assert.Equal(["api", "ai"], summary.Resources);
        Assert.Equal(root.Duration, summary.Duration);
        Assert.Single(server.Store.GetTraces(new TraceQuery(Resource: "ai", Text: "FORECAST", ErrorsOnly: true)));
        Assert.Empty(server.Store.GetTraces(new TraceQuery(Resource: "worker")));
        Assert.Empty(server.Store.GetTraces(new TraceQuery(Text: "no such span")));
        Assert.Equal(["ai", "api"], server.Store.GetResources().Select(r => r.Name));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Logs_arrive_with_level_category_message_attributes_and_trace_context(OtlpExportProtocol protocol)
    {
        await using var server = await OtlpReceiverServer.StartAsync();
        var source = "Test.Logs." + Guid.NewGuid().ToString("N");
        using var tracer = Exporters.Tracer(server, protocol, "api", source);
        using var activities = new ActivitySource(source);
        await using var logging = Exporters.Logging(server, protocol, "api");
        var logger = logging.GetRequiredService<ILoggerFactory>().CreateLogger("TradingPlatform.Orders");

        string traceId;
        string spanId;
        using (var activity = activities.StartActivity("place order")!)
        {
            traceId = activity.TraceId.ToHexString();
            spanId = activity.SpanId.ToHexString();
            logger.LogWarning("Order {OrderId} rejected for {Symbol}", 42, "AAPL");
        }

        logger.LogDebug("Quote refreshed");
        logger.LogCritical("Ledger out of balance");
        Assert.True(logging.GetRequiredService<LoggerProvider>().ForceFlush(10_000));

        var logs = await Eventually.Until(() => server.Store.GetLogs(new LogQuery()), l => l.Count == 3, "three log entries");
        Assert.Equal(["Ledger out of balance", "Quote refreshed", "Order 42 rejected for AAPL"], logs.Select(l => l.Message));
        var warning = logs[2];
        Assert.Equal(("api", Exporters.InstanceId("api"), LogLevel.Warning, 13), (warning.Resource, warning.InstanceId, warning.Level, warning.SeverityNumber));
        Assert.Equal("TradingPlatform.Orders", warning.Category);
        Assert.Equal((traceId, spanId), (warning.TraceId, warning.SpanId));
        Assert.Contains(new TelemetryAttribute("OrderId", "42"), warning.Attributes);
        Assert.Contains(new TelemetryAttribute("Symbol", "AAPL"), warning.Attributes);
        Assert.Equal((LogLevel.Debug, LogLevel.Critical), (logs[1].Level, logs[0].Level));
        Assert.Equal("", logs[1].TraceId);

        Assert.Equal(2, server.Store.GetLogs(new LogQuery(MinimumLevel: LogLevel.Warning)).Count);
        Assert.Same(warning, Assert.Single(server.Store.GetLogs(new LogQuery(Text: "aapl"))));
        Assert.Same(warning, Assert.Single(server.Store.GetLogs(new LogQuery(TraceId: traceId.ToUpperInvariant()))));
        Assert.Single(server.Store.GetLogs(new LogQuery(Resource: "api", Limit: 1)));
        Assert.Empty(server.Store.GetLogs(new LogQuery(Resource: "worker")));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task A_counter_and_a_histogram_arrive_as_series_per_attribute_set(OtlpExportProtocol protocol)
    {
        await using var server = await OtlpReceiverServer.StartAsync();
        var meterName = "Test.Metrics." + Guid.NewGuid().ToString("N");
        using var meters = Exporters.Meter(server, protocol, "worker", meterName);
        using var meter = new Meter(meterName);
        var orders = meter.CreateCounter<long>("orders.placed", "{order}", "Orders placed");
        var latency = meter.CreateHistogram<double>("order.latency", "ms", "Order latency");

        orders.Add(3, new KeyValuePair<string, object?>("side", "buy"));
        orders.Add(2, new KeyValuePair<string, object?>("side", "sell"));
        latency.Record(10);
        latency.Record(20);
        latency.Record(30);
        Assert.True(meters.ForceFlush(10_000));
        orders.Add(4, new KeyValuePair<string, object?>("side", "buy"));
        Assert.True(meters.ForceFlush(10_000));

        var instruments = await Eventually.Until(() => server.Store.GetInstruments("worker"), i => i.Count == 2, "both instruments");
        Assert.Equal(
            [("order.latency", MetricInstrumentType.Histogram, "ms", "Order latency"), ("orders.placed", MetricInstrumentType.Sum, "{order}", "Orders placed")],
            instruments.Select(i => (i.Name, i.Type, i.Unit, i.Description)));
        Assert.Equal(2, server.Store.GetInstruments().Count);
        Assert.Empty(server.Store.GetInstruments("api"));

        var counter = server.Store.GetMetric("worker", "orders.placed")!;
        var buy = Assert.Single(counter.Series, s => s.Label == "side=buy");
        var sell = Assert.Single(counter.Series, s => s.Label == "side=sell");
        // The SDK's default temporality is cumulative: the second export carries the running total.
        Assert.Equal([3d, 7d], buy.Points.Select(p => p.Value));
        Assert.Equal(2d, sell.Points[0].Value);
        Assert.True(buy.Points[0].Timestamp <= buy.Points[1].Timestamp);

        var histogram = Assert.Single(server.Store.GetMetric("worker", "order.latency")!.Series);
        var point = histogram.Points[0];
        Assert.Equal((3UL, 60d, 20d, 10d, 30d), (point.Count, point.Sum, point.Value, point.Min, point.Max));
        Assert.Null(server.Store.GetMetric("worker", "no.such.instrument"));
    }
}
