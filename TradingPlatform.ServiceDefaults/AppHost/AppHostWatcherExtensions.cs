using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.ServiceDefaults.AppHost;

namespace Microsoft.Extensions.Hosting;

/// <summary>Makes a service exit when the AppHost that started it is gone.</summary>
public static class AppHostWatcherExtensions
{
    /// <summary>The AppHost sets this variable to its own process id in every service it starts.</summary>
    public const string ProcessIdVariable = "TRADINGPLATFORM_APPHOST_PID";

    /// <summary>
    /// When <see cref="ProcessIdVariable"/> is set, watches that process and stops this one when it exits. An AppHost
    /// that is SIGKILLed cannot stop its children, and orphaned services would keep their ports and data folders.
    /// Without the variable (run by hand, under a test, in a container) nothing is registered.
    /// </summary>
    public static TBuilder AddAppHostWatcher<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        var value = builder.Configuration[ProcessIdVariable];
        if (string.IsNullOrWhiteSpace(value))
        {
            return builder;
        }

        builder.Services.AddOptions<AppHostWatcherOptions>()
            .BindConfiguration(nameof(AppHostWatcherOptions))
            .Configure(options => options.ProcessId =
                int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var processId) ? processId : 0)
            .Validate(options => options.ProcessId > 0, $"{ProcessIdVariable} must be a process id, but it is '{value}'.")
            .Validate(options => options.PollInterval > TimeSpan.Zero, "AppHostWatcherOptions:PollInterval must be positive.")
            .Validate(options => options.ExitGracePeriod >= TimeSpan.Zero, "AppHostWatcherOptions:ExitGracePeriod must not be negative.")
            .ValidateOnStart();

        builder.Services.AddHostedService<AppHostWatcher>();

        return builder;
    }
}
