using TradingPlatform.Hosting.Orchestration;

namespace TradingPlatform.Hosting.Processes;

/// <summary>Runs a short-lived helper (initdb) to completion, its output in the resource's log.</summary>
internal static class ProcessRunner
{
    public static async Task<int> RunAsync(ProcessSpec spec, string resourceName, ResourceLoggerService logger, CancellationToken cancellationToken)
    {
        using var process = ManagedProcess.Start(spec, resourceName, logger);
        try
        {
            return await process.Exited.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await process.StopAsync(Signals.SigTerm, TimeSpan.FromSeconds(3));
            throw;
        }
    }
}
