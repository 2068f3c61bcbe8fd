namespace TradingPlatform.Bench.Startup;

/// <summary>A process of the stack with what it is.</summary>
internal sealed record StackProcess(ProcessInfo Process, string Component, string Detail);

/// <summary>
/// The processes of one AppHost's stack: the AppHost and its descendants; DCP, which detaches from the AppHost (its
/// parent becomes init) but is started with <c>--monitor &lt;AppHost pid&gt;</c>, and every descendant of it (the
/// dashboard, the services with their <c>dotnet run</c> launchers, PostgreSQL and its backends, redis-server,
/// beam.smp and its helpers, epmd, DCP's per-process monitors); and anything whose command line names this run's
/// data folder, should a server ever daemonise. Another engineer's stack has another AppHost pid and data folder.
/// </summary>
internal static class StackProcesses
{
    private static readonly (string Component, string Project)[] Services =
        [("api", "TradingPlatform.Api"), ("ai", "TradingPlatform.AiService"), ("worker", "TradingPlatform.Worker")];

    public static IReadOnlyList<StackProcess> Find(int appHostPid, string dataPath)
    {
        var all = ProcessTable.Snapshot().Where(p => !p.Exited).ToList();
        var members = new HashSet<int> { appHostPid };
        foreach (var process in all)
        {
            if (IsDcpOf(process, appHostPid) || process.CommandLine.Contains(dataPath, StringComparison.Ordinal))
            {
                members.Add(process.Pid);
            }
        }

        bool grew;
        do
        {
            grew = false;
            foreach (var process in all)
            {
                if (members.Contains(process.Parent) && members.Add(process.Pid))
                {
                    grew = true;
                }
            }
        }
        while (grew);

        return [.. all.Where(p => members.Contains(p.Pid)).Select(p => Classify(p, appHostPid)).OrderBy(p => p.Component, StringComparer.Ordinal).ThenBy(p => p.Process.Pid)];
    }

    private static bool IsDcpOf(ProcessInfo process, int appHostPid)
    {
        var arguments = process.CommandLine.Split(' ');
        var monitor = Array.IndexOf(arguments, "--monitor");
        return IsDcp(process) && monitor >= 0 && monitor + 1 < arguments.Length && arguments[monitor + 1] == appHostPid.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsDcp(ProcessInfo process) =>
        process.Name == "dcp" || process.CommandLine.Split(' ')[0].EndsWith("/dcp", StringComparison.Ordinal);

    private static StackProcess Classify(ProcessInfo p, int appHostPid)
    {
        var command = p.CommandLine;
        var arguments = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (p.Pid == appHostPid)
        {
            return new(p, "apphost", "TradingPlatform.AppHost");
        }

        if (IsDcp(p))
        {
            return new(p, "dcp", "dcp " + arguments.ElementAtOrDefault(1));
        }

        if (command.Contains("Aspire.Dashboard", StringComparison.Ordinal))
        {
            return new(p, "dashboard", "Aspire.Dashboard");
        }

        foreach (var (component, project) in Services)
        {
            if (command.Contains($"/{project}/{project}.csproj", StringComparison.Ordinal))
            {
                return new(p, component, "dotnet run (launcher)");
            }

            if (command.Contains($"/{project}/bin/", StringComparison.Ordinal))
            {
                return new(p, component, project);
            }
        }

        return p.Name switch
        {
            "redis-server" => new(p, "cache", "redis-server"),
            "epmd" => new(p, "epmd", "epmd"),
            "beam.smp" => new(p, "messaging", "beam.smp"),
            _ when p.User == "rabbitmq" => new(p, "messaging", p.Name == "sh" ? command : p.Name),
            // "postgres: postgres tradingdb 127.0.0.1(38976) idle" is a backend; "postgres: walwriter" a helper.
            _ when command.StartsWith("postgres: ", StringComparison.Ordinal) => new(p, "postgres",
                arguments.Length >= 4 && arguments[3].Contains('(', StringComparison.Ordinal) ? $"postgres: backend {arguments[2]} {string.Join(' ', arguments[4..])}" : command),
            "postgres" => new(p, "postgres", "postgres (postmaster)"),
            "sh" when p.User == "postgres" => new(p, "postgres", "sh (signal wrapper)"),
            _ => new(p, "other", p.Name),
        };
    }
}
