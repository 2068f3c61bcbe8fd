using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingPlatform.Hosting.LocalServers;

/// <summary>Registers a resource's readiness check in the AppHost, where Aspire runs it for <c>WaitFor</c> and the dashboard.</summary>
internal static class LocalServerHealthChecks
{
    /// <summary>Long enough for a loaded machine, short enough that a dead server shows as Unhealthy at once.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>One instance per resource for the AppHost's lifetime, so a check may keep its connection between runs.</summary>
    public static IResourceBuilder<T> WithLocalHealthCheck<T>(this IResourceBuilder<T> resource, IHealthCheck check)
        where T : IResource
    {
        var key = $"{resource.Resource.Name}_check";
        resource.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, _ => check, failureStatus: null, tags: null, Timeout));
        return resource.WithHealthCheck(key);
    }

    /// <summary>The resource's own console log in the dashboard, for what its init step does.</summary>
    public static Microsoft.Extensions.Logging.ILogger ConsoleOf(IResource resource, IServiceProvider services) =>
        services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
}
