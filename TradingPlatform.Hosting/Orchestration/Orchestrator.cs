using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Servers;

namespace TradingPlatform.Hosting.Orchestration;

/// <summary>
/// Starts every resource in dependency order and stops them in reverse: projects first, then the servers they use.
/// A problem found before anything runs (missing binary, port taken, folder not writable) fails the start with one
/// line and leaves no process behind.
/// </summary>
internal sealed class Orchestrator(
    DistributedApplicationModel model,
    OrchestrationContext context,
    ResourceControllerRegistry registry,
    IHostApplicationLifetime lifetime) : IHostedService, IDisposable
{
    private static readonly TimeSpan ProjectsStopBudget = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan ServersStopBudget = TimeSpan.FromSeconds(12);

    private readonly CancellationTokenSource _stopProjects = new();
    private readonly CancellationTokenSource _stopServers = new();
    private readonly List<(ResourceController Controller, Task Run)> _running = [];
    private List<ResourceController> _controllers = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The dashboard could not listen: the application stops with its one line and nothing is started.
        if (context.Fatal.IsCompleted)
        {
            return;
        }

        _controllers = model.Resources.Select(CreateController).OfType<ResourceController>().ToList();
        foreach (var controller in _controllers)
        {
            context.Notifications.Initialize(controller.CreateInitialSnapshot());
        }

        registry.Register(_controllers);

        foreach (var controller in _controllers)
        {
            if (await ValidateAsync(controller, cancellationToken) is { } problem)
            {
                context.Notifications.Publish(controller.Resource.Name, s => s with { State = ResourceState.FailedToStart, HealthReason = problem });

                // Reported, not thrown: the application's StartAsync turns it into one line, with nothing started
                // and no host error log with a stack trace in front of it.
                context.ReportFatal(problem);
                return;
            }
        }

        context.Log($"starting {_controllers.Count} resources; data in {context.ExecutionContext.DataPath}");
        foreach (var controller in _controllers)
        {
            var token = controller.StopsFirst ? _stopProjects.Token : _stopServers.Token;
            _running.Add((controller, Task.Run(() => controller.RunAsync(token), CancellationToken.None)));
        }

        // A server that cannot start makes the whole application stop, as it would with a missing binary.
        _ = context.Fatal.ContinueWith(_ => lifetime.StopApplication(), TaskScheduler.Default);
    }

    /// <summary>A check that fails unexpectedly is still reported as one line naming the resource.</summary>
    private static async Task<string?> ValidateAsync(ResourceController controller, CancellationToken cancellationToken)
    {
        try
        {
            return await controller.ValidateAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DistributedApplicationException)
        {
            return $"{controller.Resource.Name}: cannot prepare to start ({ex.GetType().Name}: {ex.Message})";
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // From here on commands are refused; a start already signalled is undone by the stop below, in the run loop.
        registry.MarkStopping();
        if (_running.Count == 0)
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        context.Log("stopping: services first, then servers");
        await StopGroupAsync(_stopProjects, _running.Where(r => r.Controller.StopsFirst), ProjectsStopBudget);
        await StopGroupAsync(_stopServers, _running.Where(r => !r.Controller.StopsFirst), ServersStopBudget);
        _running.Clear();
        context.Log(string.Create(CultureInfo.InvariantCulture, $"stopped in {stopwatch.Elapsed.TotalSeconds:0.0} s"));
    }

    private static async Task StopGroupAsync(
        CancellationTokenSource stop, IEnumerable<(ResourceController Controller, Task Run)> group, TimeSpan budget)
    {
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(group.Select(r => r.Run)).WaitAsync(budget);
        }
        catch (TimeoutException)
        {
            // Each controller escalates to SIGKILL within its own timeout; the budget only bounds the wait here.
        }
    }

    public void Dispose()
    {
        _stopProjects.Dispose();
        _stopServers.Dispose();
    }

    private ResourceController? CreateController(IResource resource) => resource switch
    {
        ServerResource { ExternalConnectionString: { } external } server =>
            new ExternalResourceController(server, ServerType(server), external, context),
        PostgresDatabaseResource { ExternalConnectionString: { } external } database =>
            new ExternalResourceController(database, "PostgresDatabase", external, context),
        PostgresServerResource postgres => new ProcessResourceController(new PostgresLauncher(postgres, context), context),
        RedisResource redis => new ProcessResourceController(new RedisLauncher(redis, context), context),
        RabbitMQServerResource rabbit => new ProcessResourceController(new RabbitMQLauncher(rabbit, context), context),
        PostgresDatabaseResource database => new PostgresDatabaseController(database, context),
        ProjectResource project => new ProcessResourceController(new ProjectLauncher(project, context), context),
        _ => null,
    };

    private static string ServerType(ServerResource server) => server switch
    {
        RedisResource => "Redis",
        RabbitMQServerResource => "RabbitMQ",
        _ => "Postgres",
    };
}
