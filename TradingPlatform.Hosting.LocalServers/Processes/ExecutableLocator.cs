namespace TradingPlatform.Hosting.LocalServers.Processes;

/// <summary>Finds server binaries; Debian installs some outside PATH (PostgreSQL under /usr/lib/postgresql/N/bin).</summary>
internal static class ExecutableLocator
{
    public static string? Find(string name, params string[] extraDirectories)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var candidates = extraDirectories.Concat(path.Split(':', StringSplitOptions.RemoveEmptyEntries));
        return candidates.Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
    }

    /// <summary>The bin folders of installed PostgreSQL versions, newest first.</summary>
    public static string[] PostgresBinDirectories()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.GetDirectories(root)
            .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Dir, "bin"))
            .ToArray();
    }
}
