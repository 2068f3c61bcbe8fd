using System.Globalization;

namespace TradingPlatform.Testing;

/// <summary>
/// Temporary data folders for test runs, named after the owning test process. DCP stops a run's servers when that
/// process dies, but a killed run cannot delete its folders, so every new run first deletes those of dead owners.
/// </summary>
public static class TestDataFolders
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
        var path = Path.Combine(Root, name[..24]);
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            // The servers run as their own users (postgres, rabbitmq) and must be able to enter the folders; the root
            // is shared by every test run, like /tmp (world-writable, sticky).
            File.SetUnixFileMode(Root, (UnixFileMode)Convert.ToInt32("1777", 8));
        }

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
            if (int.TryParse(owner, CultureInfo.InvariantCulture, out var pid) && !Directory.Exists($"/proc/{pid}"))
            {
                Delete(folder);
            }
        }
    }
}
