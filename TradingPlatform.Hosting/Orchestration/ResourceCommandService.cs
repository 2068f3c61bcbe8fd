namespace TradingPlatform.Hosting.Orchestration;

/// <summary>
/// Start, stop and restart for the resources the AppHost runs as processes (servers and projects), as the dashboard's
/// commands and the resource API use them. External resources and databases answer "not supported".
/// </summary>
public sealed class ResourceCommandService
{
    private readonly ResourceControllerRegistry _registry;
    private readonly ResourceNotificationService _notifications;
    private readonly DistributedApplicationModel _model;

    internal ResourceCommandService(
        ResourceControllerRegistry registry, ResourceNotificationService notifications, DistributedApplicationModel model)
    {
        _registry = registry;
        _notifications = notifications;
        _model = model;
    }

    /// <summary>The commands that apply to the resource now (empty for an unknown resource or one without commands).</summary>
    public IReadOnlyList<string> GetAvailableCommands(string resourceName)
    {
        if (_registry.IsStopping || _registry.Find(resourceName) is not ProcessResourceController controller
            || _notifications.Get(resourceName) is { State: ResourceState.Stopping })
        {
            return [];
        }

        return controller.AvailableCommands;
    }

    /// <summary>Runs <paramref name="command"/> (start, stop or restart, any case) on the resource.</summary>
    public async Task<ResourceCommandResult> ExecuteAsync(string resourceName, string command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        var controller = _registry.Find(resourceName);
        if (controller is null)
        {
            return !_model.Resources.Any(r => r.Name == resourceName)
                ? ResourceCommandResult.NotFound($"there is no resource named '{resourceName}'")
                : ResourceCommandResult.InvalidState($"{resourceName} has not been started yet (the AppHost is not running)");
        }

        if (ResourceCommands.Normalize(command) is not { } name)
        {
            return ResourceCommandResult.NotSupported(
                $"unknown command '{command}'; the commands are {string.Join(", ", ResourceCommands.All)}");
        }

        if (controller is not ProcessResourceController process)
        {
            return ResourceCommandResult.NotSupported(controller.CommandsNotSupportedReason);
        }

        if (_registry.IsStopping)
        {
            return ResourceCommandResult.InvalidState($"the AppHost is stopping; cannot {name} {resourceName}");
        }

        return name switch
        {
            ResourceCommands.Start => await process.StartAsync(cancellationToken),
            ResourceCommands.Stop => await process.StopAsync(cancellationToken),
            _ => await process.RestartAsync(cancellationToken),
        };
    }
}
