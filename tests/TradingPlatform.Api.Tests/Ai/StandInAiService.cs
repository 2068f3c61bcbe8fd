using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TradingPlatform.Api.Tests.Ai;

/// <summary>
/// An AiService stand-in on a loopback port: it answers what <c>map</c> gives it (and <c>/health</c>) and records each
/// request as it arrived, so that a test sees what the Api forwarded.
/// </summary>
internal sealed class StandInAiService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandInAiService(WebApplication app) => _app = app;

    public ConcurrentQueue<ForwardedRequest> Received { get; } = new();

    public string Url => _app.Urls.Single();

    public static async Task<StandInAiService> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var service = new StandInAiService(builder.Build());
        service._app.Use(async (context, next) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            service.Received.Enqueue(new ForwardedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
                await reader.ReadToEndAsync(), context.Request.Headers.Authorization.ToString()));
            await next(context);
        });
        service._app.MapGet("/health", () => Results.Text("Healthy"));
        map(service._app);
        await service._app.StartAsync();
        return service;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

internal sealed record ForwardedRequest(string Method, string Path, string Body, string Authorization);
