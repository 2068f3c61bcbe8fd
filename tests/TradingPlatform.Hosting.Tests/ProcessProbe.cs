using System.Globalization;

namespace TradingPlatform.Hosting.Tests;

/// <summary>Reads /proc to find the processes a test run started and whether they are still alive.</summary>
internal static class ProcessProbe
{
    public static bool IsAlive(int pid)
    {
        // A zombie (exited, not yet reaped) counts as gone.
        var status = $"/proc/{pid}/status";
        return File.Exists(status) && !File.ReadLines(status).Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains("Z (zombie)", StringComparison.Ordinal));
    }

    /// <summary>Pids whose command line contains <paramref name="marker"/> (a data folder, for example).</summary>
    public static IReadOnlyList<int> FindByCommandLine(string marker) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != Environment.ProcessId)
            .Where(pid => ReadCommandLine(pid).Contains(marker, StringComparison.Ordinal))
            .ToList();

    private static string ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string because)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (!condition())
        {
            if (cancellation.IsCancellationRequested)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting until {because}.");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
