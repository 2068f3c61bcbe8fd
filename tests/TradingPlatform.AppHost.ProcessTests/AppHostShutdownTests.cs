using System.Diagnostics;
using Xunit.Abstractions;

namespace TradingPlatform.AppHost.ProcessTests;

/// <summary>
/// SIGTERM (what a service manager or `kill` sends) and SIGINT (Ctrl+C) to the AppHost stop the whole stack: within
/// 15 s of the signal, no process of the run is left (DCP, the dashboard, postgres, redis-server, beam.smp, epmd,
/// api, ai, worker, found as <see cref="StackProcesses"/> explains), and the AppHost exits cleanly.
/// </summary>
public sealed class AppHostShutdownTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private readonly string _dataPath = TestFolders.Create();
    private AppHostProcess? _host;

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_to_the_AppHost_stops_every_process_of_the_stack_within_15_s(string signal)
    {
        _host = AppHostProcess.Start(_dataPath, durableData: false);
        await _host.WaitForServicesAsync(StartTimeout);
        StackAssertions.EveryPartIsFound(_host);

        var sinceSignal = Stopwatch.StartNew();
        _host.Signal(signal);

        Assert.True(await _host.WaitForExitAsync(StopTimeout),
            $"The AppHost did not exit within {StopTimeout.TotalSeconds:0} s of SIG{signal}. Its output:\n{StackAssertions.Tail(_host.Output, 60)}");
        var appHostExited = sinceSignal.Elapsed;
        var allGone = await StackAssertions.NothingIsLeftAsync(_host, sinceSignal, StopTimeout, $"SIG{signal} to the AppHost");
        output.WriteLine($"SIG{signal}: the AppHost exited (code {_host.ExitCode}) after {appHostExited.TotalSeconds:0.0} s, the last process of the run after {allGone.TotalSeconds:0.0} s");
        Assert.Equal(0, _host.ExitCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        TestFolders.Delete(_dataPath);
    }
}
