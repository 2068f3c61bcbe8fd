using TradingPlatform.ServiceDefaults.AppHost;

namespace TradingPlatform.ServiceDefaults.Tests;

public sealed class WatchedProcessTests
{
    [Fact]
    public async Task A_running_process_is_found_and_reported_gone_once_killed()
    {
        using var sleeping = SleepingProcess.Start();

        var watched = WatchedProcess.Find(sleeping.Id);

        Assert.NotNull(watched);
        Assert.True(watched.IsRunning());
        await sleeping.KillAsync();
        Assert.False(watched.IsRunning());
        Assert.Null(WatchedProcess.Find(sleeping.Id));
    }

    [Fact]
    public void The_current_process_is_running()
    {
        var watched = WatchedProcess.Find(Environment.ProcessId);

        Assert.NotNull(watched);
        Assert.True(watched.IsRunning());
    }
}
