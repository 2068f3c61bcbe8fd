namespace TradingPlatform.AppHost.ProcessTests;

/// <summary>A run's data folder under /tmp (TestDataFolders: swept when its owner died), which the servers' users can enter.</summary>
internal static class TestFolders
{
    public static string Create()
    {
        var path = TestDataFolders.Create();
        // postgres and rabbitmq run as their own users and must get into it: 755, whatever the umask.
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));
        return path;
    }

    public static void Delete(string path) => TestDataFolders.Delete(path);
}
