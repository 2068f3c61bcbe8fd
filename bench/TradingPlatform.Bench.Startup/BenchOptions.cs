using System.Globalization;
using System.Reflection;

namespace TradingPlatform.Bench.Startup;

/// <param name="Runs">Cold starts, each on a fresh data folder; the report shows the median.</param>
/// <param name="IdleSeconds">How long the healthy stack idles before its memory is read.</param>
/// <param name="AppHostAssembly">The built AppHost (default: the Release build in this repository).</param>
internal sealed record BenchOptions(int Runs, int IdleSeconds, string AppHostAssembly)
{
    public static BenchOptions Parse(string[] args)
    {
        var runs = 1;
        var idle = 10;
        var appHost = Path.Combine(RepositoryRoot(), "TradingPlatform.AppHost", "bin", "Release", "net10.0", "TradingPlatform.AppHost.dll");
        for (var i = 0; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "--runs":
                    runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--idle-seconds":
                    idle = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--apphost":
                    appHost = Path.GetFullPath(args[i + 1]);
                    break;
            }
        }

        return new BenchOptions(Math.Max(1, runs), Math.Max(0, idle), appHost);
    }

    private static string RepositoryRoot() =>
        typeof(BenchOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
