using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;

namespace TradingPlatform.AppHost.Manifest.Tests;

/// <summary>
/// Runs Aspire's manifest publisher once, as azd does (<c>dotnet run --project &lt;AppHost&gt; --publisher manifest
/// --output-path &lt;path&gt;</c>), here with <c>--no-build</c> and the configuration this assembly was built with, into a
/// temporary folder that is deleted afterwards. The outcome is kept, not thrown, so that every test can say what it
/// expected and show the publisher's output.
/// </summary>
public sealed class PublishedManifest : IAsyncLifetime
{
    /// <summary>azd's own bound for a manifest is generous; publishing takes about 2 s here.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public string Folder { get; } = Directory.CreateTempSubdirectory("tradingplatform-manifest-").FullName;

    /// <summary>A path that does not end in .json is a folder that receives aspire-manifest.json.</summary>
    public string OutputFolder => Path.Combine(Folder, "out");

    public string ManifestPath => Path.Combine(OutputFolder, "aspire-manifest.json");

    /// <summary>Where the AppHost would keep generated secrets and server data in run mode; publishing must not create it.</summary>
    public string DataPath => Path.Combine(Folder, "data");

    public int ExitCode { get; private set; } = -1;

    public string Output { get; private set; } = "";

    public string Text { get; private set; } = "";

    public JsonObject Resources => Parsed ?? throw new InvalidOperationException(
        $"the publisher did not write a readable manifest (exit code {ExitCode}):\n{Output}");

    private JsonObject? Parsed { get; set; }

    public JsonObject Resource(string name) =>
        Resources[name] as JsonObject ?? throw new Xunit.Sdk.XunitException($"the manifest has no resource '{name}'; it has: {string.Join(", ", Resources.Select(r => r.Key))}");

    public async Task InitializeAsync()
    {
        var startInfo = new ProcessStartInfo(DotnetHost(),
        [
            "run", "--project", AppHostProject, "-c", AppHostConfiguration, "--no-build",
            "--", "--publisher", "manifest", "--output-path", OutputFolder,
        ])
        {
            WorkingDirectory = Path.GetDirectoryName(AppHostProject)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["AppHost__DataPath"] = DataPath;
        // The test host may run under MSBuild's environment (dotnet test); let dotnet run find its own.
        foreach (var variable in startInfo.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(variable);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new StringBuilder();
        var stdout = CopyAsync(process.StandardOutput, output);
        var stderr = CopyAsync(process.StandardError, output);
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            output.AppendLine($"[test] the publisher did not finish within {Patience.TotalSeconds:0} s and was killed");
        }

        await Task.WhenAll(stdout, stderr);
        ExitCode = process.ExitCode;
        Output = output.ToString();
        if (File.Exists(ManifestPath))
        {
            Text = await File.ReadAllTextAsync(ManifestPath);
            Parsed = JsonNode.Parse(Text)?["resources"] as JsonObject;
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private static string AppHostProject => Metadata("AppHostProject");

    private static string AppHostConfiguration => Metadata("AppHostConfiguration");

    private static string Metadata(string key) =>
        typeof(PublishedManifest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is empty");

    /// <summary>The muxer the SDK names (set under dotnet test), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static async Task CopyAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
