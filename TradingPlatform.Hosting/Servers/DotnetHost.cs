using System.Runtime.InteropServices;

namespace TradingPlatform.Hosting.Servers;

/// <summary>The dotnet muxer that runs project assemblies: the one the SDK names, else the one this runtime came with.</summary>
internal static class DotnetHost
{
    public static string Path { get; } = Resolve();

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        // .../dotnet/shared/Microsoft.NETCore.App/10.0.x/ → .../dotnet/dotnet
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(runtimeDirectory, "..", "..", "..", "dotnet"));
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
