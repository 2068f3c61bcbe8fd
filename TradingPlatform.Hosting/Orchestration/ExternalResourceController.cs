using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Health;

namespace TradingPlatform.Hosting.Orchestration;

/// <summary>
/// A resource whose connection string is configured: nothing is started, its health is only watched, so a wrong
/// connection string shows as unhealthy with the reason instead of crashing the AppHost.
/// </summary>
internal sealed class ExternalResourceController(Resource resource, string resourceType, string connectionString, OrchestrationContext context)
    : ResourceController(resource, context)
{
    public override string ResourceType { get; } = resourceType;

    public override string CommandsNotSupportedReason =>
        $"{Resource.Name} is external (its connection string is configured): the AppHost does not run it, so it cannot start, stop or restart it";

    public override ResourceSnapshot CreateInitialSnapshot() =>
        base.CreateInitialSnapshot() with { IsExternal = true, Source = "external (ConnectionStrings)" };

    public override async Task RunAsync(CancellationToken stoppingToken)
    {
        await using IHealthProbe probe = ResourceType switch
        {
            "Redis" => new RedisProbe(connectionString),
            "RabbitMQ" => new RabbitMQProbe(connectionString),
            _ => new PostgresProbe(connectionString),
        };
        Publish(s => s with { State = ResourceState.Running, StartedAt = Context.TimeProvider.GetUtcNow() });
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ProbeAsync(probe, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await PauseAsync(SteadyProbeInterval, stoppingToken);
        }

        Publish(s => s with { State = ResourceState.Exited, WillRestart = false });
    }
}
