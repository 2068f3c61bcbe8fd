using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;

namespace TradingPlatform.Api.Analysis;

/// <summary>
/// <c>/api/ai/config-analysis</c> (seed 000's <c>/ai/config-analysis/trigger</c>): a trader asks for an analysis of their
/// own configuration, which runs as a background job on the Worker; the answer is 202 with the job to follow.
/// </summary>
public static class ConfigAnalysisApi
{
    public static RouteGroupBuilder MapConfigAnalysisApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/ai/config-analysis").WithTags("AI").RequireAuthorization(AuthorizationPolicies.Trader);
        group.MapPost("/trigger", Trigger).WithName("TriggerConfigAnalysis")
            .WithSummary("Queues an analysis of the caller's configuration; while one is queued or running, answers that one");
        group.MapGet("/jobs/{jobId:long}", GetJob).WithName("GetConfigAnalysisJob")
            .WithSummary("The state of one of the caller's configuration-analysis jobs (queued, running, succeeded, failed, cancelled)");
        return group;
    }

    private static Accepted<ApiResponse<ConfigAnalysisJobResponse>> Trigger(HttpContext http, ConfigAnalysisJobs jobs, TimeProvider time)
    {
        var job = jobs.Trigger(http.User.GetUserId().Value);
        return ApiResults.Accepted(JobLocation(job.JobId), job, time, "Configuration analysis queued.");
    }

    private static Ok<ApiResponse<ConfigAnalysisJobResponse>> GetJob(long jobId, HttpContext http, ConfigAnalysisJobs jobs, TimeProvider time)
    {
        var id = jobId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiResults.Ok(jobs.Find(http.User.GetUserId().Value, id)
            ?? throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Configuration-analysis job not found."), time);
    }

    private static string JobLocation(string jobId) => $"/api/ai/config-analysis/jobs/{jobId}";
}
