using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingPlatform.Hosting.Orchestration;

namespace TradingPlatform.Hosting.Dashboard;

/// <summary>
/// The AppHost's web server: the dashboard on its own port, OTLP over gRPC (HTTP/2 only, as exporters speak it
/// without TLS) and OTLP over HTTP/protobuf on two more, as Aspire's dashboard does. It is a separate
/// <see cref="WebApplication"/> inside the AppHost that shares the AppHost's resource state, logs and telemetry.
/// Registered before the orchestrator, so it listens before any service starts exporting to it.
/// </summary>
internal sealed class DashboardHost(IServiceProvider appServices, DashboardSettings settings, OrchestrationContext context)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "TradingPlatform.Dashboard",
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The AppHost's console belongs to the resources' output.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenLocalhost(settings.DashboardUrl.Port);
            kestrel.ListenLocalhost(settings.OtlpGrpcUrl.Port, o => o.Protocols = HttpProtocols.Http2);
            kestrel.ListenLocalhost(settings.OtlpHttpUrl.Port, o => o.Protocols = HttpProtocols.Http1AndHttp2);
            kestrel.AddServerHeader = false;
        });
        DashboardServices.Share(appServices, builder.Services);

        var app = builder.Build();
        DashboardEndpoints.Map(app, settings);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException exception)
        {
            await app.DisposeAsync();
            context.ReportFatal($"dashboard: cannot listen on {settings.DashboardUrl.Port}, {settings.OtlpGrpcUrl.Port} or "
                + $"{settings.OtlpHttpUrl.Port} ({exception.Message}); stop what uses them or set Dashboard__Port, "
                + "Dashboard__OtlpGrpcPort and Dashboard__OtlpHttpPort");
            return;
        }

        _app = app;
        context.Log($"dashboard: {settings.DashboardUrl} (log in with {settings.LoginUrl}); OTLP on {settings.OtlpGrpcUrl} (gRPC) and {settings.OtlpHttpUrl} (HTTP)");
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
            _app = null;
        }
    }
}
