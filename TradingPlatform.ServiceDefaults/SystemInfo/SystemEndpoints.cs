using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TradingPlatform.ServiceDefaults.SystemInfo;

/// <summary>
/// <c>/_system/info</c> and <c>/_system/metrics</c>: what the Api's <c>/api/status</c> and component metrics read from
/// each sibling service through service discovery. They reveal versions and counts, not data, and are left out of
/// the OpenAPI document.
/// </summary>
public static class SystemEndpoints
{
    public const string Prefix = "/_system";

    public static IServiceCollection AddSystemInfo(this IServiceCollection services)
    {
        services.AddSingleton<ServiceClock>();
        services.AddSingleton<RequestStatistics>();
        services.AddTransient<IStartupFilter, RequestStatisticsStartupFilter>();
        return services;
    }

    public static IEndpointRouteBuilder MapSystemEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).ExcludeFromDescription();
        group.MapGet("/info", (ServiceClock clock, IHostEnvironment environment) =>
            TypedResults.Ok(new ServiceInfo(environment.ApplicationName, ServiceInfo.CurrentVersion, clock.StartedAt, Math.Round(clock.Uptime.TotalSeconds, 1))));
        group.MapGet("/metrics", (RequestStatistics statistics) => TypedResults.Ok(statistics.Snapshot()));
        return endpoints;
    }
}
