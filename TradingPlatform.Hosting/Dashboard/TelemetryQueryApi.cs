using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using TradingPlatform.Hosting.ResourceApi;
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
        api.MapGet("/logs", (HttpContext http, TelemetryStore store, string? resource, string? level, string? q, string? traceId, int? limit) =>
        {
            LogLevel? minimum = null;
            if (level is { Length: > 0 })
            {
                if (!Enum.TryParse<LogLevel>(level, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                {
                    return ResourceApiErrors.Problem(http, StatusCodes.Status400BadRequest, ResourceApiErrors.Validation,
                        $"level must be one of {string.Join(", ", Enum.GetNames<LogLevel>())}.");
                }

                minimum = parsed;
            }

            return BadLimit(http, limit) is { } bad ? bad : Results.Ok(store.GetLogs(new LogQuery(resource, minimum, q, traceId?.ToLowerInvariant(), limit ?? 500)));
        });
        api.MapGet("/traces", (HttpContext http, TelemetryStore store, string? resource, string? q, bool? errors, int? limit) =>
            BadLimit(http, limit) is { } bad ? bad : Results.Ok(store.GetTraces(new TraceQuery(resource, q, errors ?? false, limit ?? 200))));
        api.MapGet("/traces/{traceId}", (HttpContext http, TelemetryStore store, string traceId) =>
            store.GetTrace(traceId.ToLowerInvariant()) is { Count: > 0 } spans
                ? Results.Ok(spans)
                : ResourceApiErrors.Problem(http, StatusCodes.Status404NotFound, ResourceApiErrors.NotFound, $"No spans of trace {traceId} are kept."));
        api.MapGet("/metrics", (TelemetryStore store, string? resource) => Results.Ok(store.GetInstruments(resource)));
        api.MapGet("/metrics/{resource}/{instrument}", (HttpContext http, TelemetryStore store, string resource, string instrument) =>
            store.GetMetric(resource, instrument) is { } metric
                ? Results.Ok(metric)
                : ResourceApiErrors.Problem(http, StatusCodes.Status404NotFound, ResourceApiErrors.NotFound, $"{resource} has reported no instrument {instrument}."));
    }

    private static ProblemHttpResult? BadLimit(HttpContext http, int? limit) => limit is < 1 or > MaxLimit
        ? ResourceApiErrors.Problem(http, StatusCodes.Status400BadRequest, ResourceApiErrors.Validation, $"limit must be between 1 and {MaxLimit}.")
        : null;
}
