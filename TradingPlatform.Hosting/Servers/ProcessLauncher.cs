using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Health;
using TradingPlatform.Hosting.Orchestration;
using TradingPlatform.Hosting.Processes;

namespace TradingPlatform.Hosting.Servers;

/// <summary>What differs between the kinds of process a resource can be: how to check, prepare, launch and probe it.</summary>
internal abstract class ProcessLauncher(Resource resource, OrchestrationContext context)
{
    public Resource Resource { get; } = resource;

    protected OrchestrationContext Context { get; } = context;

    public abstract string ResourceType { get; }

    /// <summary>The binary or project file the resource runs from.</summary>
    public abstract string Source { get; }

    /// <summary>Servers must come up on their first start or the AppHost stops; projects are retried with back-off.</summary>
    public virtual bool FailFastOnFirstStart => true;

    public virtual int StopSignal => Signals.SigTerm;

    public virtual TimeSpan StopTimeout => TimeSpan.FromSeconds(7);

    public virtual IReadOnlyList<string> Urls => [];

    /// <summary>Checks everything that can be known before starting; returns a one-line problem or null.</summary>
    public abstract Task<string?> ValidateAsync(CancellationToken cancellationToken);

    /// <summary>Runs before every start (first start and restarts): ports, configuration files, first-time setup.</summary>
    public abstract Task PrepareAsync(CancellationToken cancellationToken);

    public abstract Task<ProcessSpec> CreateSpecAsync(CancellationToken cancellationToken);

    public abstract IHealthProbe CreateProbe();

    /// <summary>The ports this resource listens on, once chosen.</summary>
    protected abstract IEnumerable<int?> Ports { get; }

    /// <summary>
    /// After a failed first start: when its ports were chosen at random and one of them is now held by another
    /// process (a parallel test run took it between choosing and binding), choose new ones and report true.
    /// </summary>
    public bool TryReallocatePorts()
    {
        if (!Context.ExecutionContext.RandomizePorts || Ports.All(p => p is not int port || PortAllocator.IsFree(port)))
        {
            return false;
        }

        ReallocatePorts();
        return true;
    }

    protected abstract void ReallocatePorts();

    /// <summary>Runs after the process has exited (stops helper processes such as RabbitMQ's port mapper).</summary>
    public virtual Task OnExitedAsync() => Task.CompletedTask;

    protected string DataDirectory => Path.Combine(Context.ExecutionContext.DataPath, Resource.Name);

    protected int ChoosePort(int? requested) =>
        requested is int port && !Context.ExecutionContext.RandomizePorts ? port : PortAllocator.GetFreePort();

    protected static string? CheckFixedPort(string resourceName, int? requested, bool randomize) =>
        requested is int port && !randomize && !PortAllocator.IsFree(port)
            ? $"{resourceName}: port {port} is already in use; stop the process using it (see: ss -ltnp 'sport = :{port}') and start again"
            : null;

    protected static string MissingBinary(string resourceName, string what, string package) =>
        $"{resourceName}: {what} not found; install it with: sudo apt-get install -y {package} (or run ./run.sh, which installs it)";
}
