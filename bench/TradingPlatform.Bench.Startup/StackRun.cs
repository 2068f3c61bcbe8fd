using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace TradingPlatform.Bench.Startup;

internal sealed record ProcessSample(StackProcess Process, ProcessMemory Memory);

/// <summary>One cold start, idle and stop of the stack.</summary>
internal sealed record StackMeasurement(
    TimeSpan ColdStart,
    IReadOnlyDictionary<string, TimeSpan> FirstHealthy,
    IReadOnlyList<ProcessSample> Idle,
    TimeSpan Stop,
    IReadOnlyList<StackProcess> Leftovers,
    IReadOnlyList<(StackProcess Process, TimeSpan GoneAt)> Ended,
    string LoadAtStart,
    string LoadAtIdle)
{
    public static readonly TimeSpan StartTarget = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan StopTarget = TimeSpan.FromSeconds(15);
    public const long PssTarget = 1536L * 1024 * 1024;

    public long TotalPss => Idle.Sum(s => s.Memory.PssBytes);

    public long TotalRss => Idle.Sum(s => s.Memory.RssBytes);
}

/// <summary>
/// Starts the built AppHost as ./run.sh does (<c>dotnet TradingPlatform.AppHost.dll</c> from the AppHost's folder, the
/// launch profile's variables set) on a fresh temporary data folder (so PostgreSQL's initdb, RabbitMQ's first boot and
/// the generated secrets are part of the cold start, and no user's data is touched), and times it.
/// </summary>
internal static class StackRun
{
    /// <summary>The services' ports (their launch profiles) and the dashboard's, OTLP and resource-service ports.</summary>
    public static readonly int[] Ports = [8000, 8001, 8002, 18888, 18889, 18890, 18891];

    private static readonly (string Name, int Port)[] Services = [("api", 8000), ("ai", 8001), ("worker", 8002)];

    private static readonly Dictionary<string, string> LaunchProfile = new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_URLS"] = "http://localhost:18888",
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
        ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = "http://localhost:18889",
        ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = "http://localhost:18890",
        ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = "http://localhost:18891",
    };

    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(60);

    public static string StopPatienceText => $"{StopPatience.TotalSeconds:0} s";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static async Task<StackMeasurement> MeasureAsync(BenchOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tradingplatform-bench-startup-" + Guid.NewGuid().ToString("N")[..12]);
        // Not CreateTempSubdirectory: that folder is 0700, and PostgreSQL and RabbitMQ run as their own users below it.
        Directory.CreateDirectory(folder);
        var dataPath = Path.Combine(folder, "data");
        var log = new AppHostLog();
        Process? appHost = null;
        try
        {
            var startInfo = new ProcessStartInfo("dotnet", [options.AppHostAssembly, $"--AppHost:DataPath={dataPath}"])
            {
                WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(options.AppHostAssembly)!, "..", "..", "..")),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // The AppHost launches the services with `dotnet run`; leave no MSBuild state of `dotnet run` of this benchmark.
            foreach (var variable in startInfo.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                startInfo.Environment.Remove(variable);
            }

            foreach (var (key, value) in LaunchProfile)
            {
                startInfo.Environment[key] = value;
            }

            var loadAtStart = LoadAverage();
            var clock = Stopwatch.StartNew();
            appHost = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start");
            log.Follow(appHost);
            Console.WriteLine($"  AppHost pid {appHost.Id}, data folder {dataPath}");

            var firstHealthy = await WaitAllHealthyAsync(appHost, clock, log);
            var coldStart = clock.Elapsed;
            foreach (var (name, at) in firstHealthy)
            {
                Console.WriteLine($"  {name} Healthy at {at.TotalSeconds:0.00} s");
            }

            Console.WriteLine($"  all Healthy at {coldStart.TotalSeconds:0.00} s; idling {options.IdleSeconds} s before reading memory…");
            // Not synchronisation: the idle period is the measured condition (caches warm, start-up garbage collected).
            await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds));
            var loadAtIdle = LoadAverage();
            var idle = StackProcesses.Find(appHost.Id, dataPath)
                .Select(p => ProcessMemory.Read(p.Process.Pid) is { } memory ? new ProcessSample(p, memory) : null)
                .OfType<ProcessSample>()
                .ToList();

            var (stop, leftovers, ended) = await StopAsync(appHost, dataPath);
            return new StackMeasurement(coldStart, firstHealthy, idle, stop, leftovers, ended, loadAtStart, loadAtIdle);
        }
        catch
        {
            Console.Error.WriteLine($"--- the AppHost's last output ---\n{log.Tail(60)}");
            throw;
        }
        finally
        {
            if (appHost is not null)
            {
                await EnsureGoneAsync(appHost, dataPath);
                appHost.Dispose();
            }

            TryDelete(folder);
        }
    }

    /// <summary>Polls every service's /health until all three answer 200 with status Healthy in the same round.</summary>
    private static async Task<Dictionary<string, TimeSpan>> WaitAllHealthyAsync(Process appHost, Stopwatch clock, AppHostLog log)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(1) })
        {
            Timeout = TimeSpan.FromSeconds(2),
        };
        var first = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        while (true)
        {
            if (appHost.HasExited)
            {
                throw new InvalidOperationException($"the AppHost exited with {appHost.ExitCode} before the services were healthy");
            }

            if (clock.Elapsed > StartPatience)
            {
                throw new TimeoutException($"not all services were Healthy after {StartPatience.TotalSeconds:0} s (Healthy: {string.Join(", ", first.Keys)})");
            }

            var round = await Task.WhenAll(Services.Select(async s => (s.Name, Healthy: await IsHealthyAsync(http, s.Port))));
            foreach (var (name, healthy) in round)
            {
                if (healthy)
                {
                    first.TryAdd(name, clock.Elapsed);
                }
            }

            if (round.All(r => r.Healthy))
            {
                return first;
            }

            await Task.Delay(Poll);
        }
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http, int port)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://localhost:{port}/health"));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            // Development answers {"status":"Healthy",…}; elsewhere the plain status text.
            var body = await response.Content.ReadAsStringAsync();
            if (body.TrimStart().StartsWith('{'))
            {
                using var json = JsonDocument.Parse(body);
                return json.RootElement.TryGetProperty("status", out var status) && status.GetString() == "Healthy";
            }

            return body.Trim() == "Healthy";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM to the AppHost, then the time until every process of the stack is gone.</summary>
    private static async Task<(TimeSpan Stop, IReadOnlyList<StackProcess> Leftovers, IReadOnlyList<(StackProcess, TimeSpan)> Ended)> StopAsync(
        Process appHost, string dataPath)
    {
        var ended = new List<(StackProcess, TimeSpan)>();
        var watched = StackProcesses.Find(appHost.Id, dataPath).ToDictionary(p => (p.Process.Pid, p.Process.StartTicks));
        Console.WriteLine($"  SIGTERM to the AppHost; waiting for its {watched.Count} processes to end…");
        var clock = Stopwatch.StartNew();
        Signals.Send(appHost.Id, Signals.SigTerm);
        var lastScan = TimeSpan.Zero;
        while (true)
        {
            // Catch anything the stack starts while stopping, as long as some of it is still alive to be its parent.
            if (clock.Elapsed - lastScan > TimeSpan.FromSeconds(1))
            {
                lastScan = clock.Elapsed;
                foreach (var process in StackProcesses.Find(appHost.Id, dataPath))
                {
                    watched.TryAdd((process.Process.Pid, process.Process.StartTicks), process);
                }
            }

            var now = clock.Elapsed;
            foreach (var (key, process) in watched.Where(p => !ProcessTable.IsAlive(p.Value.Process)).ToList())
            {
                ended.Add((process, now));
                watched.Remove(key);
            }

            if (watched.Count == 0)
            {
                return (now, [], ended);
            }

            if (now > StopPatience)
            {
                return (now, [.. watched.Values], ended);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>Whatever this run started and is still there (a failed or missed run): SIGKILL, by pid, and report it.</summary>
    private static async Task EnsureGoneAsync(Process appHost, string dataPath)
    {
        var left = StackProcesses.Find(appHost.Id, dataPath).Where(p => ProcessTable.IsAlive(p.Process)).ToList();
        if (!appHost.HasExited && left.All(p => p.Process.Pid != appHost.Id) && ProcessTable.Read(appHost.Id) is { } host)
        {
            left.Add(new StackProcess(host, "apphost", "TradingPlatform.AppHost"));
        }

        if (left.Count == 0)
        {
            return;
        }

        Console.Error.WriteLine($"  killing what is left of this run: {string.Join(", ", left.Select(p => $"{p.Process.Pid} {p.Detail}"))}");
        foreach (var process in left)
        {
            if (ProcessTable.IsAlive(process.Process))
            {
                Signals.Send(process.Process.Pid, Signals.SigKill);
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await appHost.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"  the AppHost (pid {appHost.Id}) did not exit after SIGKILL within 10 s");
        }
    }

    private static string LoadAverage() =>
        $"load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} on {Environment.ProcessorCount} cores";

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"  could not delete {folder}: {ex.Message}");
        }
    }

    /// <summary>The AppHost's last 200 lines of output, for a failure's diagnosis.</summary>
    private sealed class AppHostLog
    {
        private readonly Queue<string> _tail = new();

        public void Follow(Process process)
        {
            process.OutputDataReceived += (_, e) => Add(e.Data);
            process.ErrorDataReceived += (_, e) => Add(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Tail(int lines)
        {
            lock (_tail)
            {
                return string.Join('\n', _tail.TakeLast(lines));
            }
        }

        private void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_tail)
            {
                _tail.Enqueue(line);
                if (_tail.Count > 200)
                {
                    _tail.Dequeue();
                }
            }
        }
    }
}
