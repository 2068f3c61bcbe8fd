using System.Globalization;
using System.Text;

namespace TradingPlatform.AppHost.ProcessTests;

/// <summary>One process of a run: its pid, what it is, and its command line.</summary>
internal sealed record StackProcess(int Pid, string Kind, string CommandLine)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind} ({Pid}): {CommandLine}");
}

/// <summary>
/// Finds every process that belongs to one run of the AppHost, through /proc. Other engineers' stacks run on the same
/// machine from the same binaries (postgres, redis-server, beam.smp, dcp, even TradingPlatform.Api from another
/// worktree), so a name alone identifies nothing, and the process tree does not either: DCP starts detached (its
/// parent is init) and every process it ran is re-parented once DCP goes. A process is this run's when any of
/// these holds:
/// <list type="bullet">
/// <item>its environment has the run's marker variable (<see cref="MarkerVariable"/>): the test sets it on the AppHost,
/// and DCP, the dashboard, the servers (setpriv and runuser keep the environment) and the services all inherit it;</item>
/// <item>its command line names the run's data folder, or its working folder is inside it: redis-server overwrites its
/// environment block with its process title (it reads as blanks), but runs in <c>{DataPath}/cache</c>; postgres has
/// <c>-D {DataPath}/postgres/data</c>, RabbitMQ <c>-home {DataPath}/messaging</c>;</item>
/// <item>it is a <c>dcp</c> whose command line has <c>--monitor {AppHost pid}</c> (DCP's API server watches the AppHost).</item>
/// </list>
/// Reading another user's environment needs root (the postgres and rabbitmq processes); without it the data-folder
/// rule still finds the servers.
/// </summary>
internal static class StackProcesses
{
    public const string MarkerVariable = "TRADINGPLATFORM_TEST_RUN";

    /// <summary>What a whole, running stack consists of.</summary>
    public static readonly string[] ExpectedKinds = ["dcp", "dashboard", "postgres", "redis-server", "beam.smp", "epmd", "api", "ai", "worker"];

    public static IReadOnlyList<StackProcess> Of(string runId, string dataPath, int appHostPid)
    {
        var marker = Encoding.UTF8.GetBytes($"{MarkerVariable}={runId}");
        var monitor = string.Create(CultureInfo.InvariantCulture, $"--monitor {appHostPid} ");
        return ProcFs.Find(pid => HasVariable(pid, marker)
                                  || ProcFs.CommandLine(pid).Contains(dataPath, StringComparison.Ordinal)
                                  || WorkingDirectory(pid).StartsWith(dataPath, StringComparison.Ordinal)
                                  || (IsDcp(ProcFs.CommandLine(pid)) && (ProcFs.CommandLine(pid) + " ").Contains(monitor, StringComparison.Ordinal)))
            .Select(pid => new StackProcess(pid, KindOf(ProcFs.CommandLine(pid)), ProcFs.CommandLine(pid)))
            .Where(p => p.CommandLine.Length > 0) // exited between the scan and the read
            .ToList();
    }

    /// <summary>SIGKILL to every process of the run (DCP first, so that nothing is restarted), until none is left.</summary>
    public static async Task KillAllAsync(string runId, string dataPath, int appHostPid, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (Of(runId, dataPath, appHostPid) is { Count: > 0 } left && !deadline.IsCancellationRequested)
        {
            foreach (var process in left.OrderBy(p => p.Kind == "dcp" ? 0 : 1))
            {
                Signals.Send(process.Pid, "KILL");
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }

    private static string KindOf(string commandLine)
    {
        var executable = Path.GetFileName(commandLine.Split(' ', 2)[0]);
        return executable switch
        {
            "dcp" => "dcp",
            "Aspire.Dashboard" => "dashboard",
            "redis-server" => "redis-server",
            "beam.smp" => "beam.smp",
            "epmd" => "epmd",
            "TradingPlatform.Api" => "api",
            "TradingPlatform.AiService" => "ai",
            "TradingPlatform.Worker" => "worker",
            // The cluster's postmaster (postgres -D …) and its backends, which rename themselves "postgres: …".
            "postgres" or "postgres:" => "postgres",
            // `dotnet run --project …/TradingPlatform.Api.csproj`, the wrapper DCP starts each service through.
            "dotnet" when commandLine.Contains("TradingPlatform.Api.csproj", StringComparison.Ordinal) => "api",
            "dotnet" when commandLine.Contains("TradingPlatform.AiService.csproj", StringComparison.Ordinal) => "ai",
            "dotnet" when commandLine.Contains("TradingPlatform.Worker.csproj", StringComparison.Ordinal) => "worker",
            "dotnet" when commandLine.Contains("TradingPlatform.AppHost.dll", StringComparison.Ordinal) => "apphost",
            _ => executable,
        };
    }

    private static bool IsDcp(string commandLine) => Path.GetFileName(commandLine.Split(' ', 2)[0]) == "dcp";

    private static bool HasVariable(int pid, byte[] variable)
    {
        byte[] environment;
        try
        {
            environment = File.ReadAllBytes($"/proc/{pid}/environ");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        // NUL-separated NAME=value entries; match a whole entry.
        for (var start = 0; start < environment.Length;)
        {
            var end = Array.IndexOf(environment, (byte)0, start);
            if (end < 0)
            {
                end = environment.Length;
            }

            if (environment.AsSpan(start, end - start).SequenceEqual(variable))
            {
                return true;
            }

            start = end + 1;
        }

        return false;
    }

    private static string WorkingDirectory(int pid)
    {
        try
        {
            return new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(false)?.FullName ?? "";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
