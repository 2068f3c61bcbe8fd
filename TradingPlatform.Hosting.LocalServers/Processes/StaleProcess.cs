using Microsoft.Extensions.Logging;

namespace TradingPlatform.Hosting.LocalServers.Processes;

/// <summary>
/// Recovers from an earlier AppHost that could not stop its servers (killed together with DCP, or a machine that
/// lost power): a server may still run, holding its data folder, its port and its pid file.
/// </summary>
internal static class StaleProcess
{
    /// <summary>
    /// Stops every process whose working directory lies inside <paramref name="dataDirectory"/>: each server of ours
    /// runs with its data folder as its working directory, so such a process can only be a leftover of an earlier
    /// run (a recycled pid of an unrelated program never matches). It gets <paramref name="signal"/> first, so its
    /// data stays intact, then SIGKILL after <paramref name="timeout"/>. Each process stopped is a warning in
    /// <paramref name="log"/> (the resource's console).
    /// </summary>
    public static async Task StopLeftoversAsync(string dataDirectory, int signal, TimeSpan timeout, ILogger log)
    {
        var root = Path.GetFullPath(dataDirectory).TrimEnd('/') + "/";
        var found = ProcessesUnder(root).ToList();
        if (found.Count == 0)
        {
            return;
        }

        foreach (var (pid, _) in found)
        {
            Signals.Send(pid, signal);
        }

        var deadline = DateTime.UtcNow + timeout;
        while (found.Any(p => Signals.IsAlive(p.Pid)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        foreach (var (pid, _) in found.Where(p => Signals.IsAlive(p.Pid)))
        {
            Signals.Send(pid, Signals.SigKill);
        }

        foreach (var (pid, name) in found)
        {
            log.LogWarning("stopped {Name} (pid {Pid}) left running in {Folder} by an earlier run", name, pid, dataDirectory);
        }
    }

    /// <summary>Deletes a pid file whose process is gone, so the server does not refuse to start.</summary>
    public static bool RemoveStalePidFile(string pidFile)
    {
        if (!File.Exists(pidFile))
        {
            return false;
        }

        var firstLine = File.ReadLines(pidFile).FirstOrDefault()?.Trim();
        if (int.TryParse(firstLine, out var pid) && Signals.IsAlive(pid))
        {
            return false;
        }

        File.Delete(pidFile);
        return true;
    }

    private static IEnumerable<(int Pid, string Name)> ProcessesUnder(string root)
    {
        if (!Directory.Exists("/proc"))
        {
            yield break;
        }

        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            string? cwd;
            string name;
            try
            {
                cwd = new DirectoryInfo(Path.Combine(entry, "cwd")).LinkTarget;
                name = File.ReadAllText(Path.Combine(entry, "comm")).Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (cwd is not null && (cwd + "/").StartsWith(root, StringComparison.Ordinal))
            {
                yield return (pid, name);
            }
        }
    }
}
