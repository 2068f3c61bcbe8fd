using Aspire.Hosting.ApplicationModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TradingPlatform.AppHost.ResourceApi;

/// <summary>
/// A small Kestrel server inside the AppHost for the resource API, on loopback only. Aspire's own resource service
/// speaks gRPC to its dashboard; the Api needs a plain HTTP contract it can call with a key, so this maps that
/// contract onto Aspire's notification and command services, resolved from the AppHost's container.
/// </summary>
internal sealed class ResourceApiServer(
    ResourceApiSettings settings,
    ResourceStateCache cache,
    ResourceCommandService commands,
    ResourceNotificationService notifications,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(settings.Url.ToString());
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(cache);
        builder.Services.AddSingleton(commands);
        builder.Services.AddSingleton(notifications);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        _app = builder.Build();
        _app.MapResourceApi();
        await _app.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
