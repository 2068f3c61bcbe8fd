using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TradingPlatform.ServiceDefaults.AppHost;

namespace TradingPlatform.ServiceDefaults.Tests;

/// <summary>The watcher's timing, on a fake clock, with the process exit replaced (it would end the test run).</summary>
public sealed class AppHostWatcherForcedExitTests : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);
    private readonly TaskCompletionSource _stopping = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SleepingProcess _appHost = SleepingProcess.Start();
    private readonly AppHostWatcher _watcher;

    public AppHostWatcherForcedExitTests()
    {
        _lifetime.ApplicationStopping.Register(() => _stopping.TrySetResult());
        var options = Options.Create(new AppHostWatcherOptions
        {
            ProcessId = _appHost.Id,
            PollInterval = PollInterval,
            ExitGracePeriod = GracePeriod,
        });
        _watcher = new AppHostWatcher(options, _lifetime, _time, NullLogger<AppHostWatcher>.Instance)
        {
            Exit = code => _exited.TrySetResult(code),
        };
    }

    [Fact]
    public async Task A_killed_process_is_noticed_at_the_next_poll()
    {
        await _watcher.StartAsync(CancellationToken.None);
        for (var poll = 0; poll < 3; poll++)
        {
            _time.Advance(PollInterval);
        }

        Assert.False(_stopping.Task.IsCompleted, "Stopped while the watched process was running.");

        await _appHost.KillAsync();
        await AdvanceUntilAsync(_stopping.Task);

        Assert.False(_exited.Task.IsCompleted);
    }

    [Fact]
    public async Task The_process_exits_with_code_1_when_stopping_outlasts_the_grace_period()
    {
        await _appHost.KillAsync();
        await _watcher.StartAsync(CancellationToken.None);

        // Already gone at start: the watcher stops without waiting for a poll.
        await _stopping.Task.WaitAsync(Patience);
        _time.Advance(GracePeriod - TimeSpan.FromMilliseconds(1));
        Assert.False(_exited.Task.IsCompleted, "Exited before the grace period was over.");

        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(1, await _exited.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_host_that_stopped_and_was_disposed_in_time_is_not_forced_to_exit()
    {
        await _appHost.KillAsync();
        await _watcher.StartAsync(CancellationToken.None);
        await _stopping.Task.WaitAsync(Patience);

        await _watcher.StopAsync(CancellationToken.None);
        _watcher.Dispose();
        _time.Advance(GracePeriod * 2);

        Assert.False(_exited.Task.IsCompleted);
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _appHost.Dispose();
    }

    /// <summary>Moves the fake clock one poll at a time until <paramref name="condition"/> completes.</summary>
    private async Task AdvanceUntilAsync(Task condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!condition.IsCompleted)
        {
            _time.Advance(PollInterval);
            try
            {
                await condition.WaitAsync(TimeSpan.FromMilliseconds(100), patience.Token);
            }
            catch (TimeoutException)
            {
                // Not yet: the watcher may not have been waiting on the timer when it fired; tick again.
            }
        }
    }
}
