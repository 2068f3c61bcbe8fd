using System.Reflection;

namespace TradingPlatform.AppHost.ProcessTests;

/// <summary>The AppHost's project folder and built dll (this build configuration's), and the repository's folders.</summary>
internal static class AppHostLocation
{
    public static string ProjectDirectory { get; } = Metadata("AppHostProjectDirectory");

    public static string Assembly { get; } = Metadata("AppHostAssembly");

    public static string RepositoryRoot { get; } = Path.GetDirectoryName(ProjectDirectory)!;

    /// <summary>The AppHost's launch profile file, which `dotnet run` (and ./run.sh) apply.</summary>
    public static string LaunchSettings { get; } = Path.Combine(ProjectDirectory, "Properties", "launchSettings.json");

    private static string Metadata(string key) =>
        typeof(AppHostLocation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
