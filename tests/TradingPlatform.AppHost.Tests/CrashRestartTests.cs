namespace TradingPlatform.AppHost.Tests;

/// <summary>A service that crashes is restarted with back-off, and the AppHost says so in the resource's log.</summary>
[Collection(AppHostCollection.Name)]
public sealed class CrashRestartTests(AppHostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_worker_killed_hard_is_restarted_as_a_new_process_that_becomes_healthy()
    {
        using var waiting = new CancellationTokenSource(Timeout);
        var before = await fixture.App.ResourceNotifications.WaitForResourceAsync("worker",
            e => AppHostFixture.IsHealthyAndRunning(e.Snapshot) && ServerProcess.ProcessId(e.Snapshot) is not null, waiting.Token);
        var pid = ServerProcess.ProcessId(before.Snapshot)!.Value;
        // The log is kept per resource id (the name plus a suffix when Aspire runs replicas).
        var logs = CollectLogsAsync(before.ResourceId);

        ProcFs.KillTree(pid);

        var after = await fixture.WaitForAsync("worker",
            s => AppHostFixture.IsHealthyAndRunning(s) && ServerProcess.ProcessId(s) is { } p && p != pid, Timeout);
        Assert.NotEqual(pid, ServerProcess.ProcessId(after));
        Assert.Contains(await logs, line => line.Contains("worker exited with code", StringComparison.Ordinal)
                                            && line.Contains("restarting it in", StringComparison.Ordinal));
    }

    private async Task<List<string>> CollectLogsAsync(string resourceId)
    {
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(Timeout);
        var loggers = fixture.App.Services.GetService(typeof(ResourceLoggerService)) as ResourceLoggerService
            ?? throw new InvalidOperationException("no ResourceLoggerService");
        try
        {
            await foreach (var batch in loggers.WatchAsync(resourceId).WithCancellation(timeout.Token))
            {
                lines.AddRange(batch.Select(l => l.Content));
                if (lines.Any(l => l.Contains("restarting it in", StringComparison.Ordinal)))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return lines;
    }
}
