using Microsoft.Extensions.Options;
using TradingPlatform.Hosting.Telemetry;

namespace TradingPlatform.Hosting.Tests.Telemetry;

public sealed class TelemetryStoreTests
{
    private static TelemetryStore Store(int logs = 100, int spans = 100, int points = 100) => new(Options.Create(new TelemetryLimits
    {
        MaxLogsPerResource = logs,
        MaxSpansPerResource = spans,
        MaxPointsPerInstrument = points,
    }));

    [Fact]
    public void Beyond_the_limit_the_oldest_logs_of_a_resource_are_evicted_and_other_resources_keep_theirs()
    {
        var store = Store(logs: 3);
        store.Add(OtlpRequests.Logs("ai", "ai 0"));
        store.Add(OtlpRequests.Logs("api", "api 0", "api 1", "api 2"));
        store.Add(OtlpRequests.Logs("api", "api 3", "api 4"));

        Assert.Equal(["api 4", "api 3", "api 2"], store.GetLogs(new LogQuery(Resource: "api")).Select(l => l.Message).Order().Reverse());
        Assert.Equal("ai 0", Assert.Single(store.GetLogs(new LogQuery(Resource: "ai"))).Message);
        Assert.Equal(4, store.GetLogs(new LogQuery()).Count);
        Assert.Equal(["api-1"], store.GetResources().Single(r => r.Name == "api").InstanceIds);
    }

    [Fact]
    public void Beyond_the_limit_the_oldest_spans_are_evicted_and_their_traces_disappear_once_empty()
    {
        var store = Store(spans: 3);
        // Trace 1 has a span from api (evicted) and one from ai (kept): it stays, with the span that is left.
        store.Add(OtlpRequests.Spans("ai", (1, 100, 0)));
        store.Add(OtlpRequests.Spans("api", (1, 1, 0), (2, 2, 1), (3, 3, 2), (4, 4, 3), (5, 5, 4)));

        Assert.Equal([$"{5:x32}", $"{4:x32}", $"{3:x32}", $"{1:x32}"], store.GetTraces(new TraceQuery()).Select(t => t.TraceId));
        Assert.Empty(store.GetTrace($"{2:x32}"));
        var trace1 = store.GetTrace($"{1:x32}");
        Assert.Equal("ai", Assert.Single(trace1).Resource);
        Assert.Equal(["span 5", "span 4", "span 3"], store.GetTraces(new TraceQuery(Resource: "api")).Select(t => t.RootName));
    }

    [Fact]
    public void A_span_sent_twice_is_kept_once()
    {
        var store = Store();
        store.Add(OtlpRequests.Spans("api", (7, 1, 0)));
        store.Add(OtlpRequests.Spans("api", (7, 1, 0)));

        Assert.Equal(1, Assert.Single(store.GetTraces(new TraceQuery())).SpanCount);
    }

    [Fact]
    public void Beyond_the_limit_the_oldest_points_of_an_instrument_are_evicted()
    {
        var store = Store(points: 2);
        store.Add(OtlpRequests.Gauge("worker", "queue.length", 1, 2, 3, 4));

        var series = Assert.Single(store.GetMetric("worker", "queue.length")!.Series);
        Assert.Equal([3d, 4d], series.Points.Select(p => p.Value));
        Assert.Equal(MetricInstrumentType.Gauge, Assert.Single(store.GetInstruments()).Type);
    }

    [Fact]
    public void Concurrent_ingest_and_queries_stay_consistent()
    {
        var store = Store(logs: 1000, spans: 1000);
        Parallel.For(0, 400, i =>
        {
            store.Add(OtlpRequests.Logs(i % 2 == 0 ? "api" : "ai", $"m{i}"));
            store.Add(OtlpRequests.Spans("api", (i + 1, i + 1, i)));
            _ = store.GetLogs(new LogQuery(Text: "m1"));
            _ = store.GetTraces(new TraceQuery(Limit: 10));
        });

        Assert.Equal(400, store.GetLogs(new LogQuery(Limit: 1000)).Count);
        Assert.Equal(400, store.GetTraces(new TraceQuery(Limit: 1000)).Count);
        Assert.Equal(400, store.GetLogs(new LogQuery(Limit: 1000)).Select(l => l.Sequence).Distinct().Count());
    }
}
