using System.Diagnostics;

namespace TradingPlatform.Hosting.LocalServers.Processes;

/// <summary>Creates a server's data folder, proves it writable, and hands it to the server's system user.</summary>
internal static class DataFolder
{
    /// <summary>Returns null when the folder is ready, or a one-line reason why it is not.</summary>
    public static async Task<string?> PrepareAsync(string path, string? owner, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-test-{Environment.ProcessId}");
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"data folder {path} is not writable ({ex.Message}); set AppHost:DataPath to a writable folder or fix its permissions";
        }

        if (owner is null || !ProcessUser.IsRoot)
        {
            return null;
        }

        try
        {
            using var chown = Process.Start(new ProcessStartInfo(ExecutableLocator.Find("chown", "/usr/bin", "/bin") ?? "chown", ["-R", $"{owner}:{owner}", path])
            {
                RedirectStandardError = true,
            })!;
            var error = await chown.StandardError.ReadToEndAsync(cancellationToken);
            await chown.WaitForExitAsync(cancellationToken);
            return chown.ExitCode == 0 ? null : $"cannot give {path} to user {owner}: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"cannot run chown to give {path} to user {owner} ({ex.Message}); install coreutils";
        }
    }
}
