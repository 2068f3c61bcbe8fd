using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using TradingPlatform.Hosting.Telemetry;

namespace TradingPlatform.Hosting.Dashboard;

/// <summary>
/// The dashboard's query API (<c>/api/telemetry</c>) for scripts and tests: the same data as the pages, as JSON,
/// behind the same login (cookie, or the browser token as a bearer).
/// </summary>
internal static class TelemetryQueryApi
{
    private const int MaxLimit = 10_000;

    public static void MapTelemetryQueryApi(this RouteGroupBuilder dashboard)
    {
        var api = dashboard.MapGroup("/api/telemetry");
        api.MapGet("/resources", (TelemetryStore store) => Results.Ok(store.GetResources()));
        api.MapGet("/logs", (TelemetryStore store, string? resource, string? level, string? q, string? traceId, int? limit) =>
        {
            LogLevel? minimum = null;
            if (level is { Length: > 0 })
            {
                if (!Enum.TryParse<LogLevel>(level, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                {
                    return DashboardErrors.Result(StatusCodes.Status400BadRequest, DashboardErrors.Validation,
                        $"level must be one of {string.Join(", ", Enum.GetNames<LogLevel>())}.");
                }

                minimum = parsed;
            }

            return BadLimit(limit) ?? Results.Ok(store.GetLogs(new LogQuery(resource, minimum, q, traceId?.ToLowerInvariant(), limit ?? 500)));
        });
        api.MapGet("/traces", (TelemetryStore store, string? resource, string? q, bool? errors, int? limit) =>
            BadLimit(limit) ?? Results.Ok(store.GetTraces(new TraceQuery(resource, q, errors ?? false, limit ?? 200))));
        api.MapGet("/traces/{traceId}", (TelemetryStore store, string traceId) =>
            store.GetTrace(traceId.ToLowerInvariant()) is { Count: > 0 } spans
                ? Results.Ok(spans)
                : DashboardErrors.Result(StatusCodes.Status404NotFound, DashboardErrors.NotFound, $"No spans of trace {traceId} are kept."));
        api.MapGet("/metrics", (TelemetryStore store, string? resource) => Results.Ok(store.GetInstruments(resource)));
        api.MapGet("/metrics/{resource}/{instrument}", (TelemetryStore store, string resource, string instrument) =>
            store.GetMetric(resource, instrument) is { } metric
                ? Results.Ok(metric)
                : DashboardErrors.Result(StatusCodes.Status404NotFound, DashboardErrors.NotFound, $"{resource} has reported no instrument {instrument}."));
    }

    private static IResult? BadLimit(int? limit) => limit is < 1 or > MaxLimit
        ? DashboardErrors.Result(StatusCodes.Status400BadRequest, DashboardErrors.Validation, $"limit must be between 1 and {MaxLimit}.")
        : null;
}
