using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.ServiceDefaults.SystemInfo;

namespace TradingPlatform.AiService.Gpus;

public static class GpuApi
{
    /// <summary><c>GET /api/system/gpus</c>: what the Api's <c>/api/status</c> reports as <c>gpus</c>.</summary>
    public static IEndpointRouteBuilder MapGpuApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/system/gpus", ListAsync).WithTags("System");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<GpuInfo>>> ListAsync(GpuProbe probe, CancellationToken cancellationToken) =>
        TypedResults.Ok(await probe.ListAsync(cancellationToken));
}
