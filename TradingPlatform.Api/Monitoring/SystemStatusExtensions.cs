namespace TradingPlatform.Api.Monitoring;

public static class SystemStatusExtensions
{
    public static IHostApplicationBuilder AddSystemStatus(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Status pages must answer quickly even when a sibling hangs, so no retries and a short timeout.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is the documented opt-out of the default handler.
        builder.Services.AddHttpClient<SiblingServiceClient>(c => c.Timeout = TimeSpan.FromSeconds(3)).RemoveAllResilienceHandlers();
        // A restart waits for the old process to stop (the AppHost escalates to SIGKILL within seconds); never retried.
        builder.Services.AddHttpClient<AppHostResourceClient>(c => c.Timeout = TimeSpan.FromSeconds(30)).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddOptions<AppHostOptions>().BindConfiguration(AppHostOptions.Section)
            .Validate(o => o.ResourceApiUrl is null || o.ResourceApiUrl.IsAbsoluteUri, "AppHost:ResourceApiUrl must be an absolute URL.")
            .ValidateOnStart();
        builder.Services.AddScoped<ServerProbe>();
        builder.Services.AddScoped<SystemStatusService>();
        return builder;
    }
}
