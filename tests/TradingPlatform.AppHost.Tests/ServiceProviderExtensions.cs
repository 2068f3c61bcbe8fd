using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Hosting;

namespace TradingPlatform.AppHost.Tests;

internal static class ServiceProviderExtensions
{
    public static string GetExecutionContextDataPath(this IServiceProvider services) =>
        services.GetRequiredService<DistributedApplicationExecutionContext>().DataPath;
}
