using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingPlatform.Hosting.Dashboard;
using TradingPlatform.Hosting.Processes;
using TradingPlatform.Hosting.Telemetry;

namespace TradingPlatform.Hosting.Tests.Telemetry;

/// <summary>
/// A real Kestrel host mapping the receiver as the dashboard does: an HTTP/2-only listener for OTLP/gRPC and an
/// HTTP/1.1+2 listener for OTLP/HTTP, each endpoint set restricted to its port with RequireHost.
/// </summary>
internal sealed class OtlpReceiverServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiverServer(WebApplication app, int grpcPort, int httpPort)
    {
        _app = app;
        GrpcEndpoint = new Uri($"http://127.0.0.1:{grpcPort}");
        HttpEndpoint = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public Uri GrpcEndpoint { get; }

    public Uri HttpEndpoint { get; }

    public TelemetryStore Store => _app.Services.GetRequiredService<TelemetryStore>();

    public static async Task<OtlpReceiverServer> StartAsync(string? apiKey = null, Action<TelemetryLimits>? limits = null)
    {
        var grpcPort = PortAllocator.GetFreePort();
        var httpPort = PortAllocator.GetFreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, grpcPort, o => o.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, httpPort, o => o.Protocols = HttpProtocols.Http1AndHttp2);
        });
        builder.Services.AddOtlpReceiver();
        if (limits is not null)
        {
            builder.Services.Configure(limits);
        }

        if (apiKey is not null)
        {
            builder.Services.AddSingleton(new DashboardSettings(
                new Uri("http://127.0.0.1:1"),
                new Uri($"http://127.0.0.1:{grpcPort}"),
                new Uri($"http://127.0.0.1:{httpPort}"),
                "browser-token",
                "resource-key",
                apiKey));
        }

        var app = builder.Build();
        app.MapOtlpGrpc().RequireHost($"*:{grpcPort}");
        app.MapOtlpHttp().RequireHost($"*:{httpPort}");
        await app.StartAsync();
        return new OtlpReceiverServer(app, grpcPort, httpPort);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
