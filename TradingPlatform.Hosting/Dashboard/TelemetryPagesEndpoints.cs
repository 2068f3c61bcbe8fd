using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using TradingPlatform.Hosting.Dashboard.Pages;
using TradingPlatform.Hosting.Orchestration;
using TradingPlatform.Hosting.Telemetry;

namespace TradingPlatform.Hosting.Dashboard;

/// <summary>The structured logs, traces and metrics pages over the telemetry the services export.</summary>
internal static class TelemetryPagesEndpoints
{
    public static void MapTelemetryPages(this RouteGroupBuilder dashboard)
    {
        dashboard.MapGet("/structuredlogs", (HttpContext context, TelemetryStore store, ResourceNotificationService notifications,
            string? resource, string? level, string? q, string? traceId) =>
        {
            var query = new LogQuery(Blank(resource), Enum.TryParse<LogLevel>(level, ignoreCase: true, out var minimum) ? minimum : null, Blank(q), Blank(traceId), 500);
            return Layout.Page(context, "Structured logs", "/structuredlogs", StructuredLogsPage.Render(Resources(store, notifications), query, store.GetLogs(query)));
        });
        dashboard.MapGet("/traces", (HttpContext context, TelemetryStore store, ResourceNotificationService notifications,
            string? resource, string? q, bool? errors) =>
        {
            var query = new TraceQuery(Blank(resource), Blank(q), errors ?? false, 200);
            return Layout.Page(context, "Traces", "/traces", TracesPage.Render(Resources(store, notifications), query, store.GetTraces(query)));
        });
        dashboard.MapGet("/traces/{traceId}", (HttpContext context, TelemetryStore store, string traceId) =>
            Layout.Page(context, "Trace", "/traces", TraceDetailPage.Render(traceId, store.GetTrace(traceId.ToLowerInvariant())), live: false));
        dashboard.MapGet("/metrics", (HttpContext context, TelemetryStore store, ResourceNotificationService notifications,
            string? resource, string? instrument) =>
        {
            var selected = Blank(resource);
            var instruments = selected is null ? [] : store.GetInstruments(selected);
            var metric = selected is not null && Blank(instrument) is { } name ? store.GetMetric(selected, name) : null;
            return Layout.Page(context, "Metrics", "/metrics", MetricsPage.Render(Resources(store, notifications), selected, instruments, metric));
        });
    }

    /// <summary>The model's resources and any other service that exported telemetry (a collector may forward more).</summary>
    private static List<string> Resources(TelemetryStore store, ResourceNotificationService notifications) =>
        store.GetResources().Select(r => r.Name).Union(notifications.Snapshots.Where(s => s.ResourceType == "Project").Select(s => s.Name))
            .Order(StringComparer.Ordinal).ToList();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
