namespace TradingPlatform.Hosting.LocalServers.Processes;

/// <summary>File modes for secrets and shared folders (a no-op where the OS has no Unix modes).</summary>
internal static class FilePermissions
{
    /// <summary>Owner read/write only: files holding passwords.</summary>
    public static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>World-writable with the sticky bit, like /tmp: a folder several system users create entries in.</summary>
    public static void MakeSharedTemp(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("1777", 8));
        }
    }
}
