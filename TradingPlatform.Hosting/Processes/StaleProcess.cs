namespace TradingPlatform.Hosting.Processes;

/// <summary>
/// Recovers from an AppHost that was killed: a server it started may still run, holding its data folder and pid file.
/// It is stopped gracefully (its data stays intact) before a fresh one starts.
/// </summary>
internal static class StaleProcess
{
    /// <summary>
    /// Stops the process named in <paramref name="pidFile"/> when it is still alive and its command line contains
    /// <paramref name="commandLineMarker"/> (so a recycled pid of an unrelated process is never touched), then
    /// deletes a stale pid file. Returns a line describing what was done, or null when there was nothing to do.
    /// </summary>
    public static async Task<string?> StopAsync(string pidFile, string commandLineMarker, int signal, TimeSpan timeout)
    {
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var firstLine = (await File.ReadAllLinesAsync(pidFile)).FirstOrDefault()?.Trim();
        if (!int.TryParse(firstLine, out var pid) || !Signals.IsAlive(pid) || !CommandLineContains(pid, commandLineMarker))
        {
            File.Delete(pidFile);
            return $"removed a stale pid file {pidFile}";
        }

        Signals.Send(pid, signal);
        var deadline = DateTime.UtcNow + timeout;
        while (Signals.IsAlive(pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        if (Signals.IsAlive(pid))
        {
            Signals.Send(pid, Signals.SigKill);
        }

        if (File.Exists(pidFile))
        {
            File.Delete(pidFile);
        }

        return $"stopped process {pid} left running by an earlier AppHost";
    }

    private static bool CommandLineContains(int pid, string marker)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            return commandLine.Contains(marker, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
