using Aspire.Hosting.ApplicationModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace TradingPlatform.AppHost.ResourceApi;

/// <summary>
/// The AppHost's resource API, for the Api's <c>/api/status</c> and component restart (seed 003): the resources with
/// their state and health and the commands that apply, and start/stop/restart through Aspire's own command service.
/// Every route needs <c>Authorization: Bearer &lt;key&gt;</c>, a key that is new every run.
/// </summary>
internal static class ResourceApiEndpoints
{
    public const string RoutePrefix = "/api/resources";

    /// <summary>How long start and restart wait for the resource to be healthy again before answering.</summary>
    private static readonly TimeSpan HealthyPatience = TimeSpan.FromSeconds(90);

    public static RouteGroupBuilder MapResourceApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(RoutePrefix).WithTags("AppHost resources").AddEndpointFilter<ResourceApiKeyFilter>();
        group.MapGet("/", List).WithName("ListAppHostResources").WithSummary("Every resource with its state, health and commands.");
        group.MapGet("/{name}", Get).WithName("GetAppHostResource").WithSummary("One resource.");
        group.MapPost("/{name}/commands/{command}", ExecuteAsync).WithName("ExecuteAppHostResourceCommand")
            .WithSummary("Start, stop or restart a resource; start and restart answer once it is healthy again.");
        return group;
    }

    private static Ok<ResourceApiResponse<IReadOnlyList<ResourceView>>> List(ResourceStateCache cache, TimeProvider time)
    {
        IReadOnlyList<ResourceView> resources = [.. cache.All.Select(e => ResourceView.From(e.Resource, e.Snapshot, e.Restarts))];
        return TypedResults.Ok(new ResourceApiResponse<IReadOnlyList<ResourceView>>(true, resources, null, time.GetUtcNow()));
    }

    private static Results<Ok<ResourceApiResponse<ResourceView>>, ProblemHttpResult> Get(
        string name, ResourceStateCache cache, TimeProvider time, HttpContext http) =>
        cache.TryGet(name, out var entry)
            ? TypedResults.Ok(new ResourceApiResponse<ResourceView>(true, ResourceView.From(entry.Resource, entry.Snapshot, entry.Restarts), null, time.GetUtcNow()))
            : ResourceApiErrors.Problem(http, StatusCodes.Status404NotFound, ResourceApiErrors.NotFound, $"there is no resource named '{name}'");

    private static async Task<Results<Ok<ResourceApiResponse<ResourceCommandOutcome>>, ProblemHttpResult>> ExecuteAsync(
        string name, string command, ResourceStateCache cache, ResourceCommandService commands,
        ResourceNotificationService notifications, TimeProvider time, HttpContext http)
    {
        if (!cache.TryGet(name, out var entry))
        {
            return ResourceApiErrors.Problem(http, StatusCodes.Status404NotFound, ResourceApiErrors.NotFound, $"there is no resource named '{name}'");
        }

        if (ResourceCommands.AspireName(command) is not { } aspireCommand)
        {
            return ResourceApiErrors.Problem(http, StatusCodes.Status400BadRequest, ResourceApiErrors.Validation,
                $"'{command}' is not a command; use start, stop or restart");
        }

        if (!ResourceCommands.IsSupported(entry.Snapshot, aspireCommand))
        {
            return ResourceApiErrors.Problem(http, StatusCodes.Status400BadRequest, ResourceApiErrors.Validation,
                $"{name} does not support {command} (it is not a process the AppHost runs)");
        }

        if (!ResourceCommands.Available(entry.Snapshot).Contains(ResourceCommands.Normalize(command)))
        {
            return ResourceApiErrors.Problem(http, StatusCodes.Status409Conflict, ResourceApiErrors.Conflict,
                $"{name} cannot {command} while it is {entry.Snapshot.State?.Text ?? "not started"}");
        }

        var requestedAt = DateTime.UtcNow;
        // Not the request's token: a restart asked for by the process being restarted (the Api) loses its connection
        // half-way, and must still finish.
        var failure = entry.Resource is ProjectResource && aspireCommand != KnownResourceCommands.StartCommand
            ? await ProjectStop.StopAsync(entry.Resource, entry.Snapshot, notifications, commands, aspireCommand)
            : await RunAsync(commands, entry.Resource, aspireCommand);
        if (failure is not null)
        {
            return ResourceApiErrors.Problem(http, StatusCodes.Status409Conflict, ResourceApiErrors.Conflict, $"{name}: {command} failed: {failure}");
        }

        var message = $"{name}: {ResourceCommands.Normalize(command)} done";
        if (aspireCommand != KnownResourceCommands.StopCommand)
        {
            message = await WaitHealthyAsync(notifications, name, requestedAt)
                ? $"{name} restarted and is healthy"
                : $"{name} was started but is not healthy after {HealthyPatience.TotalSeconds:0} s";
        }

        cache.TryGet(name, out var after);
        var view = ResourceView.From(after.Resource, after.Snapshot, after.Restarts);
        var outcome = new ResourceCommandOutcome(ResourceCommands.Normalize(command), message, view);
        return TypedResults.Ok(new ResourceApiResponse<ResourceCommandOutcome>(true, outcome, message, time.GetUtcNow()));
    }

    private static async Task<string?> RunAsync(ResourceCommandService commands, IResource resource, string command)
    {
        var result = await commands.ExecuteCommandAsync(resource, command, CancellationToken.None);
        return result.Success ? null : result.Message ?? "no reason given";
    }

    private static async Task<bool> WaitHealthyAsync(ResourceNotificationService notifications, string name, DateTime startedAfter)
    {
        using var timeout = new CancellationTokenSource(HealthyPatience);
        try
        {
            await notifications.WaitForResourceAsync(name, e =>
                e.Snapshot.State?.Text == KnownResourceStates.Running
                && e.Snapshot.StartTimeStamp >= startedAfter.AddSeconds(-1)
                && e.Snapshot.HealthStatus is null or Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
