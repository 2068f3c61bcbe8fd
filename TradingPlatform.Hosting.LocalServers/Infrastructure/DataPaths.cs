using TradingPlatform.Hosting.LocalServers.Processes;

namespace TradingPlatform.Hosting.LocalServers.Infrastructure;

/// <summary>Where the AppHost keeps what must survive a restart: server data and generated parameters.</summary>
public static class DataPaths
{
    /// <summary>
    /// <c>$XDG_DATA_HOME/tradingplatform</c> (or <c>~/.local/share/tradingplatform</c>) for a normal user. As root the
    /// servers run as their own users (postgres, rabbitmq), which cannot enter /root, so the folder is
    /// <c>/var/lib/tradingplatform</c>, as for a system service.
    /// </summary>
    public static string Default()
    {
        if (ProcessUser.IsRoot)
        {
            return "/var/lib/tradingplatform";
        }

        var xdg = System.Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdg;
        return Path.Combine(root, "tradingplatform");
    }
}
