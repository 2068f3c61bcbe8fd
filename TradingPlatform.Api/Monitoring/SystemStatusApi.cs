using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;

namespace TradingPlatform.Api.Monitoring;

/// <summary>Seed 003's system endpoints: overall status, the component list, and one component's metrics.</summary>
public static class SystemStatusApi
{
    public static IEndpointRouteBuilder MapSystemStatusApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api").WithTags("System").RequireAuthorization();
        group.MapGet("/status", GetStatusAsync).WithName("GetSystemStatus").WithSummary("Health of every component and the GPUs");
        group.MapGet("/components", GetComponentsAsync).WithName("ListComponents").WithSummary("Every component with its status");
        group.MapGet("/components/{id}/metrics", GetMetricsAsync).WithName("GetComponentMetrics")
            .WithSummary("Request counts, error rate and latency percentiles of a service; health-check time of a server");
        group.MapComponentRestart();
        return endpoints;
    }

    private static async Task<Ok<ApiResponse<SystemStatus>>> GetStatusAsync(
        SystemStatusService service, TimeProvider time, CancellationToken cancellationToken) =>
        ApiResults.Ok(await service.GetStatusAsync(cancellationToken), time);

    private static async Task<Ok<ApiResponse<IReadOnlyList<ComponentStatus>>>> GetComponentsAsync(
        SystemStatusService service, TimeProvider time, CancellationToken cancellationToken) =>
        ApiResults.Ok(await service.GetComponentsAsync(cancellationToken), time);

    private static async Task<Results<Ok<ApiResponse<ComponentMetrics>>, ProblemHttpResult>> GetMetricsAsync(
        string id, SystemStatusService service, TimeProvider time, CancellationToken cancellationToken) =>
        await service.GetMetricsAsync(id, cancellationToken) is { } metrics
            ? ApiResults.Ok(metrics, time)
            : ApiErrors.NotFound($"There is no component '{id}'; known: {string.Join(", ", ComponentIds.All)}.");
}
