using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace TradingPlatform.AppHost.ResourceApi;

/// <summary>One resource as the resource API shows it, with the commands that apply to it now.</summary>
public sealed record ResourceView(
    string Name,
    string Type,
    string State,
    string? Health,
    string? HealthReason,
    int? Pid,
    int? ExitCode,
    DateTimeOffset? StartedAt,
    int Restarts,
    string? Source,
    bool IsExternal,
    IReadOnlyList<string> Urls,
    IReadOnlyList<string> Commands)
{
    internal static ResourceView From(IResource resource, CustomResourceSnapshot snapshot, int restarts)
    {
        var unhealthy = snapshot.HealthReports.FirstOrDefault(r => r.Status is not Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
        return new ResourceView(
            resource.Name,
            snapshot.ResourceType,
            snapshot.State?.Text is { Length: > 0 } state ? state : KnownResourceStates.NotStarted,
            snapshot.HealthStatus?.ToString(),
            unhealthy is null ? null : unhealthy.Description ?? unhealthy.ExceptionText ?? $"{unhealthy.Name} is {unhealthy.Status}",
            Property(snapshot, "executable.pid") is { } pid && int.TryParse(pid, out var value) ? value : null,
            snapshot.ExitCode,
            snapshot.StartTimeStamp is { } started ? new DateTimeOffset(started, TimeSpan.Zero) : null,
            restarts,
            Property(snapshot, "project.path") ?? Property(snapshot, "executable.path"),
            resource is ConnectionStringResource or ParameterResource and IResourceWithConnectionString,
            [.. snapshot.Urls.Where(u => !u.IsInactive).Select(u => u.Url)],
            [.. ResourceCommands.Available(snapshot)]);
    }

    private static string? Property(CustomResourceSnapshot snapshot, string name) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == name)?.Value?.ToString();
}
