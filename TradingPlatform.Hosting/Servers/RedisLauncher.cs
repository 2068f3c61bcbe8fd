using System.Globalization;
using System.Text;
using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Health;
using TradingPlatform.Hosting.Orchestration;
using TradingPlatform.Hosting.Processes;

namespace TradingPlatform.Hosting.Servers;

/// <summary>redis-server with a password and an append-only file in the resource's data folder.</summary>
internal sealed class RedisLauncher(RedisResource redis, OrchestrationContext context) : ProcessLauncher(redis, context)
{
    private string? _binary;

    public override string ResourceType => "Redis";

    public override string Source => _binary ?? "redis-server";

    private string ConfigFile => Path.Combine(DataDirectory, "redis.conf");

    private string PidFile => Path.Combine(DataDirectory, "redis.pid");

    public override async Task<string?> ValidateAsync(CancellationToken cancellationToken)
    {
        _binary = ExecutableLocator.Find("redis-server");
        if (_binary is null)
        {
            return MissingBinary(redis.Name, "redis-server", "redis-server");
        }

        if (CheckFixedPort(redis.Name, redis.Port, Context.ExecutionContext.RandomizePorts) is { } portProblem)
        {
            return portProblem;
        }

        if (await DataFolder.PrepareAsync(DataDirectory, owner: null, cancellationToken) is { } folderProblem)
        {
            return $"{redis.Name}: {folderProblem}";
        }

        if (await StaleProcess.StopAsync(PidFile, "redis-server", Signals.SigTerm, TimeSpan.FromSeconds(10)) is { } recovered)
        {
            Context.Log($"{redis.Name}: {recovered}");
        }

        redis.AllocatedPort ??= ChoosePort(redis.Port);

        return null;
    }

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var durable = Context.ExecutionContext.DurableData;
        // The password lives in a file only the AppHost's user can read, never on a command line that ps shows.
        var config = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"port {redis.AllocatedPort}")
            .AppendLine("bind 127.0.0.1")
            .AppendLine("protected-mode yes")
            .AppendLine(CultureInfo.InvariantCulture, $"requirepass \"{redis.Password.Value}\"")
            .AppendLine(CultureInfo.InvariantCulture, $"dir \"{DataDirectory}\"")
            .AppendLine(CultureInfo.InvariantCulture, $"pidfile \"{PidFile}\"")
            .AppendLine("daemonize no")
            .AppendLine("logfile \"\"")
            .AppendLine(durable ? "appendonly yes" : "appendonly no")
            .AppendLine(durable ? "save 3600 1 300 100 60 10000" : "save \"\"")
            .ToString();
        await File.WriteAllTextAsync(ConfigFile, config, cancellationToken);
        FilePermissions.RestrictToOwner(ConfigFile);
    }

    public override Task<ProcessSpec> CreateSpecAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ProcessSpec(_binary!, [ConfigFile]) { WorkingDirectory = DataDirectory });

    public override IHealthProbe CreateProbe() =>
        new RedisProbe(redis.GetConnectionStringAsync().AsTask().GetAwaiter().GetResult()!);

    protected override IEnumerable<int?> Ports => [redis.AllocatedPort];

    protected override void ReallocatePorts()
    {
        redis.AllocatedPort = PortAllocator.GetFreePort();
    }
}
