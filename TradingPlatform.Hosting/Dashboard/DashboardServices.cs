using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Orchestration;
using TradingPlatform.Hosting.Telemetry;

namespace TradingPlatform.Hosting.Dashboard;

/// <summary>Hands the AppHost's singletons to the dashboard's own container: one state, two web-facing views.</summary>
internal static class DashboardServices
{
    public static void Share(IServiceProvider appServices, IServiceCollection services)
    {
        services.AddSingleton(appServices.GetRequiredService<DashboardSettings>());
        services.AddSingleton(appServices.GetRequiredService<DistributedApplicationModel>());
        services.AddSingleton(appServices.GetRequiredService<ResourceNotificationService>());
        services.AddSingleton(appServices.GetRequiredService<ResourceLoggerService>());
        services.AddSingleton(appServices.GetRequiredService<TimeProvider>());
        services.AddSingleton(appServices.GetRequiredService<TelemetryStore>());
        services.AddOtlpReceiver();
        services.AddSingleton(new ServiceHealthReports(new HttpClient()));
        services.AddSingleton(appServices.GetRequiredService<ResourceCommandService>());
    }
}
