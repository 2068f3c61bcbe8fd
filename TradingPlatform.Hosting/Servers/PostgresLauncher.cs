using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Health;
using TradingPlatform.Hosting.Orchestration;
using TradingPlatform.Hosting.Processes;

namespace TradingPlatform.Hosting.Servers;

/// <summary>A PostgreSQL cluster in the resource's data folder, initialised once with a password, on loopback only.</summary>
internal sealed class PostgresLauncher(PostgresServerResource server, OrchestrationContext context) : ProcessLauncher(server, context)
{
    private string? _postgres;
    private string? _initdb;

    public override string ResourceType => "Postgres";

    public override string Source => _postgres ?? "postgres";

    // SIGINT is PostgreSQL's "fast" shutdown: sessions are ended and the cluster is checkpointed cleanly.
    public override int StopSignal => Signals.SigInt;

    private string ClusterDirectory => Path.Combine(DataDirectory, "data");

    public override async Task<string?> ValidateAsync(CancellationToken cancellationToken)
    {
        var binDirectories = ExecutableLocator.PostgresBinDirectories();
        _postgres = ExecutableLocator.Find("postgres", binDirectories);
        _initdb = ExecutableLocator.Find("initdb", binDirectories);
        if (_postgres is null || _initdb is null)
        {
            return MissingBinary(server.Name, "the PostgreSQL server (postgres, initdb)", "postgresql");
        }

        if (CheckFixedPort(server.Name, server.Port, Context.ExecutionContext.RandomizePorts) is { } portProblem)
        {
            return portProblem;
        }

        if (await DataFolder.PrepareAsync(DataDirectory, "postgres", cancellationToken) is { } folderProblem)
        {
            return $"{server.Name}: {folderProblem}";
        }

        var recovered = await StaleProcess.StopAsync(
            Path.Combine(ClusterDirectory, "postmaster.pid"), ClusterDirectory, Signals.SigInt, TimeSpan.FromSeconds(10));
        if (recovered is not null)
        {
            Context.Log($"{server.Name}: {recovered}");
        }

        server.AllocatedPort ??= ChoosePort(server.Port);

        return null;
    }

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
        {
            return;
        }

        await InitializeClusterAsync(cancellationToken);
    }

    public override Task<ProcessSpec> CreateSpecAsync(CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "-D", ClusterDirectory,
            "-p", server.AllocatedPort!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            // No Unix socket: two clusters on one machine must never collide on /var/run/postgresql.
            "-c", "unix_socket_directories=",
            "-c", "max_connections=200",
        ];
        if (!Context.ExecutionContext.DurableData)
        {
            // Test clusters are thrown away, so durability is traded for speed.
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        return Task.FromResult(new ProcessSpec(_postgres!, arguments) { WorkingDirectory = DataDirectory, RunAsUser = "postgres" });
    }

    public override IHealthProbe CreateProbe() =>
        new PostgresProbe(server.GetConnectionStringAsync().AsTask().GetAwaiter().GetResult()!);

    protected override IEnumerable<int?> Ports => [server.AllocatedPort];

    protected override void ReallocatePorts()
    {
        server.AllocatedPort = PortAllocator.GetFreePort();
    }

    /// <summary>initdb into a scratch folder renamed on success, so a killed initdb never leaves a half-made cluster.</summary>
    private async Task InitializeClusterAsync(CancellationToken cancellationToken)
    {
        var scratch = ClusterDirectory + ".init";
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        var passwordFile = Path.Combine(DataDirectory, ".pwfile");
        await File.WriteAllTextAsync(passwordFile, server.Password.Value, cancellationToken);
        FilePermissions.RestrictToOwner(passwordFile);
        try
        {
            if (await DataFolder.PrepareAsync(DataDirectory, "postgres", cancellationToken) is { } problem)
            {
                throw new DistributedApplicationException($"{server.Name}: {problem}");
            }

            var spec = new ProcessSpec(_initdb!,
            [
                "-D", scratch, "-U", PostgresServerResource.UserName, $"--pwfile={passwordFile}",
                "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions",
            ])
            { WorkingDirectory = DataDirectory, RunAsUser = "postgres" };
            var exitCode = await ProcessRunner.RunAsync(spec, server.Name, Context.Logger, cancellationToken);
            if (exitCode != 0)
            {
                throw new DistributedApplicationException(
                    $"{server.Name}: initdb failed with exit code {exitCode}; see its output above, or delete {DataDirectory} to start over");
            }

            Directory.Move(scratch, ClusterDirectory);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }
}
