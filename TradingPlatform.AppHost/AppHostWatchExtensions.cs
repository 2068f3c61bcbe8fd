using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace TradingPlatform.AppHost;

internal static class AppHostWatchExtensions
{
    /// <summary>ServiceDefaults' <c>AppHostWatcherExtensions.ProcessIdVariable</c> (the AppHost does not reference ServiceDefaults).</summary>
    public const string ProcessIdVariable = "TRADINGPLATFORM_APPHOST_PID";

    /// <summary>The OTLP exporter's per-export deadline, in milliseconds (the SDK's default is 10,000).</summary>
    public const string OtlpTimeoutVariable = "OTEL_EXPORTER_OTLP_TIMEOUT";

    /// <summary>
    /// Makes the service stop promptly once the AppHost is gone, however it went (SIGTERM, Ctrl+C, SIGKILL):
    /// <list type="bullet">
    /// <item>it gets this AppHost's process id, which ServiceDefaults' AppHostWatcher polls every second, stopping the
    /// service when the AppHost has exited. DCP also ends every resource when the AppHost dies, but its clean-up of the
    /// <c>dotnet run</c> services took 14–18 s here;</item>
    /// <item>its OTLP exports give up after 2 s instead of 10 s. The dashboard, their OTLP endpoint on this machine, is
    /// among the first processes DCP stops, and a service's last flush on shutdown otherwise retries against it for
    /// 10 s or more (measured: 10–17 s from SIGTERM to exit with the dashboard gone, 2–6 s with this, 0.2 s with the
    /// dashboard up). A local export that takes 2 s has failed anyway.</item>
    /// </list>
    /// Run mode only: a published service has no AppHost and exports to whatever collector its deployment names.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAppHostWatch(this IResourceBuilder<ProjectResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ApplicationBuilder.ExecutionContext.IsRunMode
            ? builder.WithEnvironment(ProcessIdVariable, Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
                .WithEnvironment(OtlpTimeoutVariable, "2000")
            : builder;
    }
}
