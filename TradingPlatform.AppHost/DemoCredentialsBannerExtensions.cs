using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TradingPlatform.AppHost;

internal static class DemoCredentialsBannerExtensions
{
    /// <summary>The console lines a developer needs: each service ready at its URL, then the demo sign-ins.</summary>
    public static void AddDemoCredentialsBanner(
        this IDistributedApplicationBuilder builder, string apiName,
        IResourceBuilder<ParameterResource> demoTraderPassword, IResourceBuilder<ParameterResource> adminPassword)
    {
        if (builder.ExecutionContext.IsRunMode)
        {
            builder.Services.AddHostedService<ServiceReadinessLog>();
            builder.Services.AddHostedService(sp => new DemoCredentialsBanner(
                sp.GetRequiredService<ResourceNotificationService>(),
                sp.GetRequiredService<ILogger<DemoCredentialsBanner>>(),
                apiName, demoTraderPassword.Resource, adminPassword.Resource));
        }
    }
}
