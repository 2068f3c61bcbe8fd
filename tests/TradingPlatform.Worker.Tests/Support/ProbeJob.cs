namespace TradingPlatform.Worker.Tests.Support;

internal sealed class ProbeJob : IProbeJob
{
    public Task RunAsync(string marker, CancellationToken cancellationToken)
    {
        ProbeJobs.For(marker).MarkRan();
        return Task.CompletedTask;
    }

    public async Task WaitForCancellationAsync(string marker, CancellationToken cancellationToken)
    {
        var probe = ProbeJobs.For(marker);
        probe.MarkStarted();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.MarkCancelled();
            throw;
        }
    }
}
