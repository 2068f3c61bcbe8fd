using System.Reflection;
using TradingPlatform.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting.Servers;

/// <summary>Where a project's compiled assembly is: its bin folder for the AppHost's configuration, else the newest one.</summary>
internal static class BuildOutput
{
    private const string TargetFramework = "net10.0";

    public static string? Find(ProjectResource project)
    {
        var assemblyName = Path.GetFileNameWithoutExtension(project.ProjectPath) + ".dll";
        // This library is built with the AppHost (and the test projects), so its configuration is theirs; the entry
        // assembly is not a guide under `dotnet test`, where it is the Release-built test host.
        var preferred = typeof(BuildOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var candidates = new[] { preferred, "Debug", "Release" }
            .Distinct(StringComparer.Ordinal)
            .Select(configuration => Path.Combine(project.ProjectDirectory, "bin", configuration, TargetFramework, assemblyName))
            .Where(File.Exists)
            .ToList();
        return candidates.Count == 0
            ? null
            : candidates[0].Contains($"{Path.DirectorySeparatorChar}{preferred}{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? candidates[0]
                : candidates.OrderByDescending(File.GetLastWriteTimeUtc).First();
    }
}
