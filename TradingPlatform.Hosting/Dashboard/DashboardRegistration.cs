using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        services.AddHostedService<DashboardHost>();
    }
}
