using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingPlatform.ServiceDefaults.SystemInfo;

namespace TradingPlatform.Api.Monitoring;

/// <summary>
/// Builds seed 003's SystemStatus from live checks: the Api's own health checks for the servers, each sibling's
/// <c>/health</c> and <c>/_system/info</c> through service discovery, and the AiService's GPU list and execution provider. Everything is
/// asked at once, and a component that does not answer is reported as an error, never a failure of the request.
/// </summary>
public sealed class SystemStatusService(
    HealthCheckService healthChecks,
    ServerProbe servers,
    SiblingServiceClient siblings,
    ServiceClock clock,
    RequestStatistics statistics,
    AppHostResourceClient appHost,
    TimeProvider timeProvider)
{
    private static readonly TimeSpan AppHostTimeout = TimeSpan.FromSeconds(3);

    public async Task<SystemStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var gpus = FromAiAsync(siblings.GetGpusAsync(cancellationToken), []);
        var inference = FromAiAsync(siblings.GetInferenceAsync(cancellationToken), null);
        var components = await GetComponentsAsync(cancellationToken);
        var (gpuList, inferenceInfo) = (await gpus, await inference);
        return new SystemStatus(timeProvider.GetUtcNow(), components.ToDictionary(c => c.Id, StringComparer.Ordinal), gpuList, inferenceInfo,
            SystemStatus.ReasonFor(gpuList, inferenceInfo));
    }

    /// <summary>What the AiService answered, or <paramref name="unavailable"/> while it does not (its component says why).</summary>
    private static async Task<T> FromAiAsync<T>(Task<T> request, T unavailable)
    {
        try
        {
            return await request;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return unavailable;
        }
    }

    public async Task<IReadOnlyList<ComponentStatus>> GetComponentsAsync(CancellationToken cancellationToken)
    {
        var resourcesTask = GetAppHostResourcesAsync(cancellationToken);
        var components = await GetLiveComponentsAsync(cancellationToken);
        return await resourcesTask is { } resources ? AppHostComponents.Merge(components, resources, timeProvider) : components;
    }

    /// <summary>The AppHost's resources when the Api runs under it and it answers; null otherwise (status never fails for it).</summary>
    private async Task<IReadOnlyList<AppHostResource>?> GetAppHostResourcesAsync(CancellationToken cancellationToken)
    {
        if (!appHost.IsConfigured)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AppHostTimeout);
        try
        {
            return await appHost.GetResourcesAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is AppHostUnavailableException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<ComponentStatus>> GetLiveComponentsAsync(CancellationToken cancellationToken)
    {
        var report = await healthChecks.CheckHealthAsync(r => ComponentIds.Servers.Values.Contains(r.Name), cancellationToken);
        var serverTasks = ComponentIds.Servers.Select(s => DescribeServerAsync(s.Key, s.Value, report, cancellationToken));
        var siblingTasks = ComponentIds.Siblings.Select(s => DescribeSiblingAsync(s, cancellationToken));
        var described = await Task.WhenAll(serverTasks.Concat(siblingTasks));
        var self = new ComponentStatus(ComponentIds.Api, "TradingPlatform.Api", "service", "ok", true,
            Uptime.Format(clock.Uptime), ServiceInfo.CurrentVersion, "serving requests");
        return [.. described.Take(ComponentIds.Servers.Count), self, .. described.Skip(ComponentIds.Servers.Count)];
    }

    public async Task<ComponentMetrics?> GetMetricsAsync(string id, CancellationToken cancellationToken)
    {
        if (id == ComponentIds.Api)
        {
            return new ComponentMetrics(id, "service", statistics.Snapshot(), null, "ok");
        }

        if (ComponentIds.Siblings.Contains(id))
        {
            try
            {
                return new ComponentMetrics(id, "service", await siblings.GetMetricsAsync(id, cancellationToken), null, "ok");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                return new ComponentMetrics(id, "service", null, null, "error");
            }
        }

        if (ComponentIds.Servers.TryGetValue(id, out var check))
        {
            var report = await healthChecks.CheckHealthAsync(r => r.Name == check, cancellationToken);
            var entry = report.Entries.GetValueOrDefault(check);
            return new ComponentMetrics(id, "server", null, Math.Round(entry.Duration.TotalMilliseconds, 3), StatusOf(entry.Status));
        }

        return null;
    }

    private async Task<ComponentStatus> DescribeServerAsync(string id, string check, HealthReport report, CancellationToken cancellationToken)
    {
        var entry = report.Entries.GetValueOrDefault(check);
        var (version, uptime) = entry.Status == HealthStatus.Unhealthy
            ? ("unknown", null)
            : await servers.DescribeAsync(id, cancellationToken);
        return new ComponentStatus(id, id, "server", StatusOf(entry.Status), entry.Status != HealthStatus.Unhealthy,
            Uptime.Format(uptime), version, entry.Description ?? entry.Status.ToString());
    }

    private async Task<ComponentStatus> DescribeSiblingAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var healthTask = siblings.GetHealthAsync(id, cancellationToken);
            var infoTask = siblings.GetInfoAsync(id, cancellationToken);
            var (healthy, body) = await healthTask;
            var info = await infoTask;
            return new ComponentStatus(id, info?.Name ?? id, "service", healthy ? "ok" : "warn", true,
                Uptime.Format(info is null ? null : TimeSpan.FromSeconds(info.UptimeSeconds)), info?.Version ?? "unknown",
                healthy ? "healthy" : "running, but a dependency of it is unhealthy");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return new ComponentStatus(id, id, "service", "error", false, "unknown", "unknown", $"not reachable: {ex.Message}");
        }
    }

    private static string StatusOf(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "ok",
        HealthStatus.Degraded => "warn",
        _ => "error",
    };
}
