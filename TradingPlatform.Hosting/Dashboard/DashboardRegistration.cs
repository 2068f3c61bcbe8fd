using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Hosting.Telemetry;

namespace TradingPlatform.Hosting.Dashboard;

internal static class DashboardRegistration
{
    /// <summary>
    /// Registers the dashboard when it is enabled (it is unless <c>Dashboard:Enabled</c> is false). Must come before the
    /// orchestrator's registration: hosted services start in order, and services export telemetry as soon as they run.
    /// </summary>
    public static void AddDashboard(IServiceCollection services, IConfiguration configuration, bool randomizePorts)
    {
        var options = DashboardSettingsFactory.ReadOptions(configuration);
        if (!options.Enabled)
        {
            return;
        }

        services.AddSingleton(DashboardSettingsFactory.Create(options, randomizePorts));
        // The store belongs to the AppHost (tests and the resource API read it there); the dashboard's host shares it.
        services.AddOptions<TelemetryLimits>().BindConfiguration(TelemetryLimits.Section);
        services.AddSingleton<TelemetryStore>();
        services.AddHostedService<DashboardHost>();
    }
}
