using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TradingPlatform.ServiceDefaults.AppHost;

namespace TradingPlatform.ServiceDefaults.Tests;

/// <summary>The watcher in a real app, watching a real process.</summary>
public sealed class AppHostWatcherTests
{
    [Fact]
    public async Task The_app_stops_when_the_watched_process_is_killed()
    {
        using var appHost = SleepingProcess.Start();
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?>
        {
            [AppHostWatcherExtensions.ProcessIdVariable] = appHost.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Long enough that the forced exit can never end the test run; disposing the app disarms it anyway.
            ["AppHostWatcherOptions:ExitGracePeriod"] = "00:10:00",
        });
        builder.AddServiceDefaults();
        await using var app = await TestApp.StartAsync(builder);
        var stopping = new TaskCompletionSource();
        using var registration = app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        Assert.Single(app.App.Services.GetServices<IHostedService>().OfType<AppHostWatcher>());
        Assert.False(stopping.Task.IsCompleted);

        await appHost.KillAsync();

        // The default poll interval is 1 s; every service must be gone within 10 s of the AppHost.
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Without_the_variable_nothing_is_watched()
    {
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?> { [AppHostWatcherExtensions.ProcessIdVariable] = "" });
        builder.AddServiceDefaults();
        await using var app = await TestApp.StartAsync(builder);

        Assert.Empty(app.App.Services.GetServices<IHostedService>().OfType<AppHostWatcher>());
        Assert.False(app.Lifetime.ApplicationStopping.IsCancellationRequested);
    }

    [Fact]
    public async Task A_variable_that_is_not_a_process_id_fails_startup_naming_it()
    {
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?> { [AppHostWatcherExtensions.ProcessIdVariable] = "apphost" });
        builder.AddServiceDefaults();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(builder));

        Assert.Contains(AppHostWatcherExtensions.ProcessIdVariable, exception.Message, StringComparison.Ordinal);
    }
}
