using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TradingPlatform.AppHost.ProcessTests;

/// <summary>
/// The real AppHost as a child process, started as ./run.sh starts it: its built dll through
/// <c>env --default-signal=INT dotnet</c>, in its project folder, with the "http" launch profile's environment; but on
/// a given data folder and on free ports. Reads its console: the dashboard's login URL and the readiness lines.
/// Disposing it kills whatever of the run is still there.
/// </summary>
internal sealed partial class AppHostProcess : IAsyncDisposable
{
    private static readonly string[] Services = ["api", "ai", "worker"];

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentDictionary<string, List<Uri>> _announced = new(StringComparer.Ordinal);
    private readonly Lock _lineLock = new();
    private string? _previousLine;

    private AppHostProcess(Process process, string dataPath, string runId)
    {
        _process = process;
        DataPath = dataPath;
        RunId = runId;
    }

    public int Id { get; private set; }

    public string DataPath { get; }

    /// <summary>The value of <see cref="StackProcesses.MarkerVariable"/> in this run's environment.</summary>
    public string RunId { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => string.Join('\n', _output);

    /// <summary>"Login to the dashboard at http://localhost:PORT/login?t=TOKEN", as the AppHost prints it.</summary>
    public Uri? DashboardLoginUrl { get; private set; }

    /// <summary>The URL each service was last announced healthy at.</summary>
    public IReadOnlyDictionary<string, Uri> ServiceUrls => _announced.ToDictionary(a => a.Key, a => a.Value[^1], StringComparer.Ordinal);

    /// <summary>How often the AppHost said the service is running and healthy (once per start of its process).</summary>
    public int Announcements(string service) => _announced.TryGetValue(service, out var urls) ? urls.Count : 0;

    /// <param name="dataPath">AppHost:DataPath: servers' data and generated parameters.</param>
    /// <param name="durableData">AppHost:DurableData; false (fsync off) unless durability is what the test checks.</param>
    public static AppHostProcess Start(string dataPath, bool durableData)
    {
        Assert.True(File.Exists(AppHostLocation.Assembly), $"The AppHost is not built: {AppHostLocation.Assembly} is missing.");
        var runId = Guid.NewGuid().ToString("N");
        // env execs dotnet, so the pid we get is the AppHost's, as with ./run.sh's exec. --default-signal=INT: a
        // process started from a background job inherits SIGINT ignored, and .NET would keep ignoring it.
        var startInfo = new ProcessStartInfo("env", [
            "--default-signal=INT", "dotnet", AppHostLocation.Assembly,
            $"--AppHost:DataPath={dataPath}",
            $"--AppHost:DurableData={(durableData ? "true" : "false")}",
            // The services' and servers' ports (8000-8002 and the servers') are allocated instead of fixed.
            "--DcpPublisher:RandomizePorts=true",
        ])
        {
            WorkingDirectory = AppHostLocation.ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in LaunchProfile.Environment(AppHostLocation.LaunchSettings, "http"))
        {
            startInfo.Environment[name] = value;
        }

        // The launch profile's fixed dashboard, OTLP and resource-service ports, replaced by port 0: Aspire accepts
        // it, picks free ports itself and prints what it picked ("Login to the dashboard at http://localhost:PORT/…").
        startInfo.Environment["ASPNETCORE_URLS"] = "http://localhost:0";
        startInfo.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = "http://localhost:0";
        startInfo.Environment["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = "http://localhost:0";
        startInfo.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = "http://localhost:0";
        startInfo.Environment[StackProcesses.MarkerVariable] = runId;

        var host = new AppHostProcess(new Process { StartInfo = startInfo }, dataPath, runId);
        host._process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.Start();
        host.Id = host._process.Id;
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Every process of this run that is still there (see <see cref="StackProcesses"/>).</summary>
    public IReadOnlyList<StackProcess> Processes() => StackProcesses.Of(RunId, DataPath, Id);

    /// <summary>Waits until the AppHost has said that api, ai and worker are running and healthy; returns their URLs.</summary>
    public async Task<IReadOnlyDictionary<string, Uri>> WaitForServicesAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!Services.All(s => Announcements(s) > 0))
        {
            Assert.False(_process.HasExited, $"The AppHost exited with code {(_process.HasExited ? _process.ExitCode : 0)} before every service was up. Its output:\n{Output}");
            Assert.False(deadline.IsCancellationRequested,
                $"Not every service was healthy within {timeout.TotalSeconds:0} s (announced: {string.Join(", ", _announced.Keys)}). The AppHost's output:\n{Output}");
            await Task.Delay(200, CancellationToken.None);
        }

        Assert.NotNull(DashboardLoginUrl);
        return ServiceUrls;
    }

    /// <summary>Waits until the AppHost process has exited (not for its output pipes, which DCP may hold on to).</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!_process.HasExited)
        {
            if (deadline.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        return true;
    }

    public void Signal(string signal) => Signals.Send(Id, signal);

    public async ValueTask DisposeAsync()
    {
        // After a failed test: the whole run goes, by SIGKILL, AppHost and DCP first so that nothing is restarted.
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await StackProcesses.KillAllAsync(RunId, DataPath, Id, TimeSpan.FromSeconds(30));
        _process.Dispose();
    }

    // Aspire's console logger: "info: TradingPlatform.AppHost.ServiceReadinessLog[0]" on one line, the message on the
    // next, indented: "      api is running and healthy at http://localhost:PORT".
    [GeneratedRegex(@"^\s+(?<name>[a-z]+) is running and healthy at (?<url>http\S+)$")]
    private static partial Regex HealthyLine();

    [GeneratedRegex(@"Login to the dashboard at (?<url>http\S+/login\?t=\S+)")]
    private static partial Regex LoginLine();

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        lock (_lineLock)
        {
            if (_previousLine?.StartsWith("info: TradingPlatform.AppHost.ServiceReadinessLog", StringComparison.Ordinal) == true
                && HealthyLine().Match(line) is { Success: true } healthy)
            {
                _announced.AddOrUpdate(healthy.Groups["name"].Value,
                    _ => [new Uri(healthy.Groups["url"].Value)],
                    (_, urls) => [.. urls, new Uri(healthy.Groups["url"].Value)]);
            }

            if (DashboardLoginUrl is null && LoginLine().Match(line) is { Success: true } login)
            {
                DashboardLoginUrl = new Uri(login.Groups["url"].Value);
            }

            _previousLine = line;
        }
    }
}
