using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TradingPlatform.AppHost.Tests;

/// <summary>The real AppHost as a child process, as ./run.sh runs it, on free ports and a given data folder.</summary>
internal sealed partial class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentDictionary<string, Uri> _healthy = new(StringComparer.Ordinal);

    private AppHostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public Process Process => _process;

    public string Output => string.Join('\n', _output);

    public static AppHostProcess Start(string dataPath)
    {
        var projectDirectory = Path.GetDirectoryName(new Projects.TradingPlatform_AppHost().ProjectPath)!;
        var assembly = Directory.GetFiles(Path.Combine(projectDirectory, "bin"), "TradingPlatform.AppHost.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
        // As a terminal would start it: a suite run in a background job inherits SIGINT ignored, and .NET then keeps it
        // ignored, so the Ctrl+C this test sends would never arrive. env execs dotnet, so the pid stays the AppHost's.
        var startInfo = new ProcessStartInfo("env", ["--default-signal=INT", "dotnet", assembly])
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment["AppHost__RandomizePorts"] = "true";
        startInfo.Environment["AppHost__DataPath"] = dataPath;
        var host = new AppHostProcess(new Process { StartInfo = startInfo });
        host._process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for the AppHost to report every service healthy; returns their URLs.</summary>
    public async Task<IReadOnlyDictionary<string, Uri>> WaitForServicesAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (!(_healthy.ContainsKey("api") && _healthy.ContainsKey("ai") && _healthy.ContainsKey("worker")))
        {
            if (_process.HasExited || cancellation.IsCancellationRequested)
            {
                Assert.Fail($"The AppHost did not bring every service up (exited: {_process.HasExited}). Its output:\n{Output}");
            }

            await Task.Delay(100, CancellationToken.None);
        }

        return _healthy;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"^\[apphost\] (?<name>[a-z]+) is running and healthy \([^)]*\) at (?<url>\S+)$")]
    private static partial Regex HealthyLine();

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (HealthyLine().Match(line) is { Success: true } match)
        {
            _healthy[match.Groups["name"].Value] = new Uri(match.Groups["url"].Value);
        }
    }
}
