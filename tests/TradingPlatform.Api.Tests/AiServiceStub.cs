using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TradingPlatform.ServiceDefaults.SystemInfo;

namespace TradingPlatform.Api.Tests;

/// <summary>
/// A real HTTP server on a free loopback port that answers <c>/health</c> (and, when given, <c>/api/system/inference</c> and <c>/api/system/gpus</c>)
/// as the AiService would, so that the Api's "ai" check and status can be tested without referencing the AiService.
/// </summary>
public sealed class AiServiceStub : IAsyncDisposable
{
    private WebApplication? _app;
    private int _healthRequests;

    private AiServiceStub()
    {
    }

    public int HealthRequests => Volatile.Read(ref _healthRequests);

    public string Url => _app?.Urls.Single() ?? throw new InvalidOperationException("The stub has not started.");

    public static async Task<AiServiceStub> StartAsync(HttpStatusCode healthStatus = HttpStatusCode.OK, InferenceInfo? inference = null, IReadOnlyList<GpuInfo>? gpus = null)
    {
        var stub = new AiServiceStub();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        stub._app = builder.Build();
        stub._app.MapGet("/health", () =>
        {
            Interlocked.Increment(ref stub._healthRequests);
            return Results.Text(healthStatus == HttpStatusCode.OK ? "Healthy" : "Unhealthy", statusCode: (int)healthStatus);
        });
        if (inference is not null)
        {
            stub._app.MapGet("/api/system/inference", () => Results.Json(inference));
        }

        if (gpus is not null)
        {
            stub._app.MapGet("/api/system/gpus", () => Results.Json(gpus));
        }

        await stub._app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
