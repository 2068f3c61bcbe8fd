using System.Globalization;

namespace TradingPlatform.Bench.Startup;

/// <summary>Resident memory of a process and all its descendants (PostgreSQL's backends, Erlang's helpers), from /proc.</summary>
internal static class ProcessMemory
{
    public static long ResidentBytesOfTree(int rootPid)
    {
        var parents = ReadParents();
        var tree = new HashSet<int> { rootPid };
        bool grew;
        do
        {
            grew = false;
            foreach (var (pid, parent) in parents)
            {
                if (tree.Contains(parent) && tree.Add(pid))
                {
                    grew = true;
                }
            }
        }
        while (grew);

        return tree.Sum(ResidentBytes);
    }

    public static long ResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static List<(int Pid, int Parent)> ReadParents()
    {
        var result = new List<(int, int)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                result.Add((pid, int.Parse(fields[1], CultureInfo.InvariantCulture)));
            }
            catch (IOException)
            {
            }
        }

        return result;
    }
}
