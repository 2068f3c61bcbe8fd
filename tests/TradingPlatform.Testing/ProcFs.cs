using System.Globalization;
using Xunit;

namespace TradingPlatform.Testing;

/// <summary>
/// Finds the processes a test run started through /proc (by command line, working folder or environment), and waits
/// on conditions about them with a timeout instead of sleeping.
/// </summary>
public static class ProcFs
{
    public static IReadOnlyList<int> Find(Func<int, bool> predicate) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != Environment.ProcessId && !IsZombie(pid))
            .Where(pid => Safe(() => predicate(pid)))
            .ToList();

    /// <summary>Pids whose command line contains <paramref name="marker"/> (a data folder, for example).</summary>
    public static IReadOnlyList<int> FindByCommandLine(string marker) =>
        Find(pid => CommandLine(pid).Contains(marker, StringComparison.Ordinal));

    /// <summary>Processes that belong to a data folder: servers name it on their command line or run inside it.</summary>
    public static IReadOnlyList<int> UsingFolder(string folder) =>
        Find(pid => CommandLine(pid).Contains(folder, StringComparison.Ordinal)
                    || (Safe(() => new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(false)?.FullName) ?? "").StartsWith(folder, StringComparison.Ordinal));

    /// <summary><paramref name="root"/> and every process below it.</summary>
    public static IReadOnlyList<int> Tree(int root)
    {
        var parents = Find(_ => true).Select(pid => (Pid: pid, Parent: ParentOf(pid))).ToList();
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Parent == tree[i]).Select(p => p.Pid));
        }

        return tree;
    }

    /// <summary>SIGKILL to a process and all its descendants at once, as an OOM kill of a whole server would be.</summary>
    public static void KillTree(int root)
    {
        foreach (var pid in Tree(root))
        {
            Safe(() =>
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
                return true;
            });
        }
    }

    /// <summary>The parent's pid (0 when the process is gone).</summary>
    public static int ParentOf(int pid) =>
        Safe(() => File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("PPid:", StringComparison.Ordinal))
            .Select(l => int.Parse(l["PPid:".Length..].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault());

    public static string CommandLine(int pid) => Safe(() => File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')) ?? "";

    // An exited process not yet reaped by its parent counts as gone.
    private static bool IsZombie(int pid) =>
        Safe(() => File.ReadLines($"/proc/{pid}/status").Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains("Z (zombie)", StringComparison.Ordinal)));

    private static T? Safe<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return default;
        }
    }
}
