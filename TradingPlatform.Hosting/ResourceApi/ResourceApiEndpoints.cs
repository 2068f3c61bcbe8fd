using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Hosting.Orchestration;

namespace TradingPlatform.Hosting.ResourceApi;

/// <summary>
/// The AppHost's resource API, for the Api's <c>/api/status</c> and component restart (and any other client holding the
/// key): the resources with their state and the commands that apply, and start/stop/restart. Every route needs
/// <c>Authorization: Bearer &lt;DashboardSettings.ResourceApiKey&gt;</c>. The host that maps it must resolve
/// <see cref="ResourceNotificationService"/>, <see cref="ResourceCommandService"/> and the dashboard's settings.
/// </summary>
public static class ResourceApiEndpoints
{
    public const string RoutePrefix = "/api/resources";

    public static RouteGroupBuilder MapResourceApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(RoutePrefix).WithTags("AppHost resources").AddEndpointFilter<ResourceApiKeyFilter>();
        group.MapGet("/", List).WithName("ListAppHostResources");
        group.MapGet("/{name}", Get).WithName("GetAppHostResource");
        group.MapPost("/{name}/commands/{command}", ExecuteAsync).WithName("ExecuteAppHostResourceCommand");
        return group;
    }

    private static Ok<ResourceApiResponse<IReadOnlyList<ResourceView>>> List(
        ResourceNotificationService notifications, ResourceCommandService commands, HttpContext http)
    {
        IReadOnlyList<ResourceView> resources =
            [.. notifications.Snapshots.Select(s => ResourceView.From(s, commands.GetAvailableCommands(s.Name)))];
        return TypedResults.Ok(new ResourceApiResponse<IReadOnlyList<ResourceView>>(true, resources, null, Now(http)));
    }

    private static Results<Ok<ResourceApiResponse<ResourceView>>, ProblemHttpResult> Get(
        string name, ResourceNotificationService notifications, ResourceCommandService commands, HttpContext http) =>
        notifications.Get(name) is { } snapshot
            ? TypedResults.Ok(new ResourceApiResponse<ResourceView>(
                true, ResourceView.From(snapshot, commands.GetAvailableCommands(name)), null, Now(http)))
            : ResourceApiErrors.Problem(http, StatusCodes.Status404NotFound, ResourceApiErrors.NotFound, $"there is no resource named '{name}'");

    private static async Task<Results<Ok<ResourceApiResponse<ResourceCommandOutcome>>, ProblemHttpResult>> ExecuteAsync(
        string name, string command, ResourceNotificationService notifications, ResourceCommandService commands, HttpContext http)
    {
        // Not the request's token: a restart asked for by the process being restarted (the Api) loses its connection
        // half-way, and must still finish the start.
        var result = await commands.ExecuteAsync(name, command, CancellationToken.None);
        if (!result.Success)
        {
            var (status, code) = result.Kind switch
            {
                ResourceCommandResultKind.NotFound => (StatusCodes.Status404NotFound, ResourceApiErrors.NotFound),
                ResourceCommandResultKind.InvalidState => (StatusCodes.Status409Conflict, ResourceApiErrors.Conflict),
                _ => (StatusCodes.Status400BadRequest, ResourceApiErrors.Validation),
            };
            return ResourceApiErrors.Problem(http, status, code, result.Message);
        }

        var view = ResourceView.From(notifications.Get(name)!, commands.GetAvailableCommands(name));
        var outcome = new ResourceCommandOutcome(ResourceCommands.Normalize(command)!, result.Message, view);
        return TypedResults.Ok(new ResourceApiResponse<ResourceCommandOutcome>(true, outcome, result.Message, Now(http)));
    }

    private static DateTimeOffset Now(HttpContext http) =>
        (http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
}
