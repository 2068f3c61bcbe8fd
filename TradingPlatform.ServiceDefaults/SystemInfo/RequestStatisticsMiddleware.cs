using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace TradingPlatform.ServiceDefaults.SystemInfo;

/// <summary>Times every request except health probes and the system endpoints themselves.</summary>
internal sealed class RequestStatisticsMiddleware(RequestDelegate next, RequestStatistics statistics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/health") || path.StartsWithSegments("/alive") || path.StartsWithSegments(SystemEndpoints.Prefix))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            statistics.Record(context.Response.StatusCode, Stopwatch.GetElapsedTime(started));
        }
    }
}
