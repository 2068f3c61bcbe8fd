using System.Globalization;
using TradingPlatform.Hosting.Processes;

namespace TradingPlatform.Hosting.Testing;

/// <summary>
/// Temporary data folders for test runs, named after the owning process. A run that was killed cannot clean up, so
/// every new run first stops the servers left in folders of dead owners and deletes those folders.
/// </summary>
internal static class TestDataFolders
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "tradingplatform-tests");
    private static int _swept;

    public static string Create()
    {
        if (Interlocked.Exchange(ref _swept, 1) == 0)
        {
            SweepAbandoned();
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        var path = Path.Combine(Root, name[..Math.Min(name.Length, 24)]);
        Directory.CreateDirectory(path);
        // The servers run as their own users (postgres, rabbitmq) and must be able to enter the folder.
        FilePermissions.MakeSharedTemp(Root);
        return path;
    }

    public static void Delete(string path)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (IOException)
            {
                // A server that just exited may still be removing its own files; try again.
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    private static void SweepAbandoned()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(Root))
        {
            var owner = Path.GetFileName(folder).Split('-')[0];
            if (!int.TryParse(owner, CultureInfo.InvariantCulture, out var pid) || Signals.IsAlive(pid))
            {
                continue;
            }

            try
            {
                foreach (var (pidFile, marker) in PidFiles(folder).ToList())
                {
                    StaleProcess.StopAsync(pidFile, marker, Signals.SigKill, TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
                }

                Delete(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another test run is sweeping the same folder at this moment; it will finish the job.
            }
        }
    }

    private static IEnumerable<(string PidFile, string Marker)> PidFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.pid", SearchOption.AllDirectories)
            .Select(file => Path.GetFileName(file) switch
            {
                "redis.pid" => (file, "redis-server"),
                "epmd.pid" => (file, "epmd"),
                _ => (file, folder),
            });
}
