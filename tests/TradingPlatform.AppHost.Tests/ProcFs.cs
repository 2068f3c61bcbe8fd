using System.Globalization;

namespace TradingPlatform.AppHost.Tests;

/// <summary>Finds processes through /proc: by command line, working folder or environment variable.</summary>
internal static class ProcFs
{
    public static IReadOnlyList<int> Find(Func<int, bool> predicate) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != Environment.ProcessId && !IsZombie(pid))
            .Where(pid => Safe(() => predicate(pid)))
            .ToList();

    /// <summary>Processes that belong to a data folder: servers name it on their command line or run inside it.</summary>
    public static IReadOnlyList<int> UsingFolder(string folder) =>
        Find(pid => CommandLine(pid).Contains(folder, StringComparison.Ordinal)
                    || (Safe(() => new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(false)?.FullName) ?? "").StartsWith(folder, StringComparison.Ordinal));

    /// <summary>Services started by one AppHost: they carry its pid in their environment.</summary>
    public static IReadOnlyList<int> ChildrenOf(int appHostPid) =>
        Find(pid => File.ReadAllText($"/proc/{pid}/environ").Split('\0')
            .Contains($"TRADINGPLATFORM_APPHOST_PID={appHostPid.ToString(CultureInfo.InvariantCulture)}"));

    public static string CommandLine(int pid) => Safe(() => File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')) ?? "";

    private static bool IsZombie(int pid) =>
        Safe(() => File.ReadLines($"/proc/{pid}/status").Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal)));

    private static T? Safe<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return default;
        }
    }
}
