using System.Globalization;
using System.Text;
using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Health;
using TradingPlatform.Hosting.Orchestration;
using TradingPlatform.Hosting.Processes;

namespace TradingPlatform.Hosting.Servers;

/// <summary>
/// A RabbitMQ node with its own Erlang port mapper (epmd) on a private port, so several brokers (parallel test runs)
/// never share one and no epmd daemon outlives the AppHost.
/// </summary>
internal sealed class RabbitMQLauncher(RabbitMQServerResource broker, OrchestrationContext context) : ProcessLauncher(broker, context)
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private string? _epmd;
    private ManagedProcess? _epmdProcess;
    private int _distributionPort;
    private int _epmdPort;

    public override string ResourceType => "RabbitMQ";

    public override string Source => ServerScript;

    public override TimeSpan StopTimeout => TimeSpan.FromSeconds(8);

    private string MnesiaDirectory => Path.Combine(DataDirectory, "mnesia");

    private string PidFile => Path.Combine(DataDirectory, "rabbitmq.pid");

    private string EpmdPidFile => Path.Combine(DataDirectory, "epmd.pid");

    private string NodeName => $"{broker.Name}@localhost";

    public override async Task<string?> ValidateAsync(CancellationToken cancellationToken)
    {
        _epmd = ExecutableLocator.Find("epmd", "/usr/lib/erlang/bin");
        if (!File.Exists(ServerScript) || _epmd is null)
        {
            return MissingBinary(broker.Name, "RabbitMQ (rabbitmq-server, epmd)", "rabbitmq-server");
        }

        if (CheckFixedPort(broker.Name, broker.Port, Context.ExecutionContext.RandomizePorts) is { } portProblem)
        {
            return portProblem;
        }

        if (await DataFolder.PrepareAsync(DataDirectory, "rabbitmq", cancellationToken) is { } folderProblem)
        {
            return $"{broker.Name}: {folderProblem}";
        }

        // The Erlang VM names its home (this data folder) on its command line: "-home <folder>".
        foreach (var (pidFile, marker) in new[] { (PidFile, $"-home {DataDirectory} "), (EpmdPidFile, "epmd") })
        {
            if (await StaleProcess.StopAsync(pidFile, marker, Signals.SigTerm, TimeSpan.FromSeconds(10)) is { } recovered)
            {
                Context.Log($"{broker.Name}: {recovered}");
            }
        }

        broker.AllocatedPort ??= ChoosePort(broker.Port);

        return null;
    }

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_distributionPort == 0)
        {
            _distributionPort = PortAllocator.GetFreePort();
            _epmdPort = PortAllocator.GetFreePort();
        }

        Directory.CreateDirectory(MnesiaDirectory);
        Directory.CreateDirectory(Path.Combine(DataDirectory, "log"));
        var config = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"listeners.tcp.1 = 127.0.0.1:{broker.AllocatedPort}")
            .AppendLine(CultureInfo.InvariantCulture, $"default_user = {broker.UserName.Value}")
            .AppendLine(CultureInfo.InvariantCulture, $"default_pass = {broker.Password.Value}")
            .AppendLine("loopback_users = none")
            // Every health probe and client connection would otherwise log two info lines.
            .AppendLine("log.connection.level = warning")
            .ToString();
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "rabbitmq.conf"), config, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "enabled_plugins"), "[].\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "rabbitmq-env.conf"), "", cancellationToken);
        if (await DataFolder.PrepareAsync(DataDirectory, "rabbitmq", cancellationToken) is { } problem)
        {
            throw new DistributedApplicationException($"{broker.Name}: {problem}");
        }

        FilePermissions.RestrictToOwner(Path.Combine(DataDirectory, "rabbitmq.conf"));
        await StartPortMapperAsync();
    }

    public override Task<ProcessSpec> CreateSpecAsync(CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = DataDirectory, // the Erlang cookie is created here, private to this broker
            ["ERL_EPMD_PORT"] = Invariant(_epmdPort),
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Invariant(broker.AllocatedPort!.Value),
            ["RABBITMQ_DIST_PORT"] = Invariant(_distributionPort),
            ["RABBITMQ_MNESIA_BASE"] = MnesiaDirectory,
            ["RABBITMQ_LOG_BASE"] = Path.Combine(DataDirectory, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_PID_FILE"] = PidFile,
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(DataDirectory, "rabbitmq.conf"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(DataDirectory, "advanced.config"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(DataDirectory, "rabbitmq-env.conf"),
            ["RABBITMQ_FEATURE_FLAGS_FILE"] = Path.Combine(DataDirectory, "feature_flags"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(DataDirectory, "enabled_plugins"),
            // Makes the start script exec the Erlang VM instead of wrapping it, so SIGTERM reaches the broker itself.
            ["RUNNING_UNDER_SYSTEMD"] = "true",
        };
        return Task.FromResult(new ProcessSpec(ServerScript, [])
        {
            WorkingDirectory = DataDirectory,
            Environment = environment,
            RunAsUser = "rabbitmq",
        });
    }

    public override IHealthProbe CreateProbe() =>
        new RabbitMQProbe(broker.GetConnectionStringAsync().AsTask().GetAwaiter().GetResult()!);

    protected override IEnumerable<int?> Ports => [broker.AllocatedPort, _distributionPort, _epmdPort];

    protected override void ReallocatePorts()
    {
        broker.AllocatedPort = PortAllocator.GetFreePort();
        _distributionPort = PortAllocator.GetFreePort();
        _epmdPort = PortAllocator.GetFreePort();
    }

    public override async Task OnExitedAsync()
    {
        if (_epmdProcess is not null)
        {
            await _epmdProcess.StopAsync(Signals.SigTerm, TimeSpan.FromSeconds(3));
            _epmdProcess.Dispose();
            _epmdProcess = null;
        }

        File.Delete(EpmdPidFile);
    }

    private async Task StartPortMapperAsync()
    {
        await OnExitedAsync();
        var spec = new ProcessSpec(_epmd!, ["-port", Invariant(_epmdPort), "-address", "127.0.0.1"])
        {
            WorkingDirectory = DataDirectory,
            RunAsUser = "rabbitmq",
        };
        _epmdProcess = ManagedProcess.Start(spec, broker.Name, Context.Logger);
        await File.WriteAllTextAsync(EpmdPidFile, Invariant(_epmdProcess.ProcessId));
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
