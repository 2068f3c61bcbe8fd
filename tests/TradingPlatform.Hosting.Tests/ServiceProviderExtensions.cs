using Microsoft.Extensions.DependencyInjection;

namespace TradingPlatform.Hosting.Tests;

internal static class ServiceProviderExtensions
{
    public static DistributedApplicationExecutionContext GetExecutionContext(this IServiceProvider services) =>
        services.GetRequiredService<DistributedApplicationExecutionContext>();

    public static Orchestration.ResourceCommandService GetCommands(this IServiceProvider services) =>
        services.GetRequiredService<Orchestration.ResourceCommandService>();
}
