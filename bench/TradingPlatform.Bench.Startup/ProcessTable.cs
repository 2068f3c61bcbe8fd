using System.Globalization;
using System.Text;

namespace TradingPlatform.Bench.Startup;

/// <summary>One process as /proc shows it; <see cref="StartTicks"/> tells a process from a later one with the same pid.</summary>
internal sealed record ProcessInfo(int Pid, int Parent, string Name, string CommandLine, char State, long StartTicks, string User)
{
    public bool Exited => State is 'Z' or 'X';
}

/// <summary>Every process on the machine, read from /proc.</summary>
internal static class ProcessTable
{
    public static IReadOnlyList<ProcessInfo> Snapshot()
    {
        var result = new List<ProcessInfo>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Read(pid) is { } info)
            {
                result.Add(info);
            }
        }

        return result;
    }

    public static ProcessInfo? Read(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid … starttime(22nd) …"; comm may hold spaces and ')', so split after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..close];
            var fields = stat[(close + 2)..].Split(' ');
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return new ProcessInfo(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), name, cmdline, fields[0][0],
                long.Parse(fields[19], CultureInfo.InvariantCulture), User(pid));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null; // it exited while being read
        }
    }

    /// <summary>Whether the process that was <paramref name="process"/> still exists (a zombie has exited).</summary>
    public static bool IsAlive(ProcessInfo process) =>
        Read(process.Pid) is { } now && now.StartTicks == process.StartTicks && !now.Exited;

    private static string User(int pid)
    {
        var uid = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?
            .Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return uid is null ? "?" : UserNames.Value.GetValueOrDefault(uid, uid);
    }

    private static readonly Lazy<Dictionary<string, string>> UserNames = new(() =>
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines("/etc/passwd", Encoding.UTF8))
        {
            var parts = line.Split(':');
            if (parts.Length > 2)
            {
                names.TryAdd(parts[2], parts[0]);
            }
        }

        return names;
    });
}
