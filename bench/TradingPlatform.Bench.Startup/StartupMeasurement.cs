using System.Diagnostics;
using TradingPlatform.Hosting.Testing;

namespace TradingPlatform.Bench.Startup;

/// <summary>One cold start of the AppHost's model: fresh data folder (initdb included), durable settings as in ./run.sh.</summary>
internal sealed record StartupMeasurement(
    TimeSpan ColdStartToHealthy,
    TimeSpan Shutdown,
    IReadOnlyDictionary<string, long> IdleResidentBytes)
{
    public static readonly TimeSpan StartTarget = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan ShutdownTarget = TimeSpan.FromSeconds(5);
    public const long MemoryTarget = 1536L * 1024 * 1024;

    private static readonly string[] Resources = ["postgres", "tradingdb", "cache", "messaging", "ai", "worker", "api"];

    public long TotalResidentBytes => IdleResidentBytes.Values.Sum();

    public bool MeetsTargets => ColdStartToHealthy <= StartTarget && Shutdown <= ShutdownTarget && TotalResidentBytes <= MemoryTarget;

    public static async Task<StartupMeasurement> MeasureAsync(int idleSeconds)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TradingPlatform_AppHost>(
            configure: o => o.DurableData = true);
        var app = await builder.BuildAsync();
        try
        {
            var stopwatch = Stopwatch.StartNew();
            await app.StartAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            foreach (var resource in Resources)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            }

            var coldStart = stopwatch.Elapsed;
            await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
            var memory = new Dictionary<string, long>(StringComparer.Ordinal)
            {
                ["apphost (this process)"] = ProcessMemory.ResidentBytes(Environment.ProcessId),
            };
            foreach (var snapshot in app.ResourceNotifications.Snapshots)
            {
                if (snapshot.ProcessId is int pid)
                {
                    memory[snapshot.Name] = ProcessMemory.ResidentBytesOfTree(pid);
                }
            }

            stopwatch.Restart();
            await app.StopAsync();
            var shutdown = stopwatch.Elapsed;
            return new StartupMeasurement(coldStart, shutdown, memory);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
