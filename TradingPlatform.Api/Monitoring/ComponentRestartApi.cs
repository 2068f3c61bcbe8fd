using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;

namespace TradingPlatform.Api.Monitoring;

/// <summary>
/// Seed 003's <c>POST /api/components/{id}/restart</c> (admins only): restarts the component's process through the
/// AppHost's resource API. Outside the AppHost there is nothing that could restart it: 501.
/// </summary>
public static class ComponentRestartApi
{
    public static RouteHandlerBuilder MapComponentRestart(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.MapPost("/components/{id}/restart", RestartAsync).RequireAuthorization(AuthorizationPolicies.Admin)
            .WithName("RestartComponent").WithSummary("Restart a component's process (admins; only when the Api runs under the AppHost)");
    }

    private static async Task<Results<Ok<ApiResponse<ComponentRestart>>, ProblemHttpResult>> RestartAsync(
        string id, AppHostResourceClient appHost, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!appHost.IsConfigured)
        {
            return ApiErrors.Problem(StatusCodes.Status501NotImplemented, ErrorCodes.ServiceUnavailable,
                "Restarting a component needs the AppHost: this Api does not run under it (AppHost:ResourceApiUrl and AppHost:ResourceApiKey are not set).");
        }

        try
        {
            var resources = await appHost.GetResourcesAsync(cancellationToken);
            if (ComponentResources.Find(id, resources) is not { } resource)
            {
                return ApiErrors.NotFound($"There is no component '{id}'; known: {string.Join(", ", resources.Select(ComponentResources.ComponentIdOf))}.");
            }

            if (resource.Name == ComponentIds.Api)
            {
                // This process is the one restarted: answering first, since the connection dies with it.
                var logger = loggers.CreateLogger(typeof(ComponentRestartApi));
                _ = Task.Run(() => RestartSelfAsync(appHost, resource.Name, logger), CancellationToken.None);
                return ApiResults.Ok(new ComponentRestart(id, resource.Name, "restarting", resource.State, resource.Pid,
                    $"{resource.Name} is restarting; it will not answer for a few seconds"), time, "restarting");
            }

            var answer = await appHost.ExecuteAsync(resource.Name, "restart", cancellationToken);
            return answer.Status switch
            {
                >= 200 and < 300 => ApiResults.Ok(new ComponentRestart(id, resource.Name, "restarting",
                    answer.Resource?.State ?? "Starting", answer.Resource?.Pid, answer.Message), time, answer.Message),
                404 => ApiErrors.NotFound(answer.Message),
                409 => ApiErrors.Conflict(answer.Message),
                _ => ApiErrors.Problem(StatusCodes.Status400BadRequest, ErrorCodes.Validation, $"{id} cannot be restarted: {answer.Message}"),
            };
        }
        catch (AppHostUnavailableException ex)
        {
            return ApiErrors.Problem(StatusCodes.Status502BadGateway, ErrorCodes.ServiceUnavailable, $"The AppHost could not be asked: {ex.Message}.");
        }
    }

    private static async Task RestartSelfAsync(AppHostResourceClient appHost, string name, ILogger logger)
    {
        try
        {
            await appHost.ExecuteAsync(name, "restart", CancellationToken.None);
        }
        catch (Exception ex) when (ex is AppHostUnavailableException or HttpRequestException or TaskCanceledException)
        {
            // Expected when the stop wins the race with the answer; the AppHost finishes the restart either way.
            logger.LogInformation(ex, "Restart of {Resource} sent; the answer was lost", name);
        }
    }
}
