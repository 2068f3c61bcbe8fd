using Aspire.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TradingPlatform.Hosting.LocalServers.Supervision;

public static class CrashRestartExtensions
{
    /// <summary>Restarts every project and executable resource that crashes, with back-off (run mode only).</summary>
    public static void AddCrashRestarts(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsRunMode)
        {
            builder.Services.TryAddSingleton(TimeProvider.System);
            builder.Services.AddHostedService<CrashRestartService>();
        }
    }
}
