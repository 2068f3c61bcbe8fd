namespace TradingPlatform.Hosting.Orchestration;

// TEMPORARY stub until the commands branch is merged.
#pragma warning disable CA1822
public sealed class ResourceCommandService
{
    public Task<ResourceCommandResult> ExecuteAsync(string resourceName, string command, CancellationToken cancellationToken) =>
        Task.FromResult(new ResourceCommandResult(false, "not yet"));
}

public sealed record ResourceCommandResult(bool Success, string Message);
