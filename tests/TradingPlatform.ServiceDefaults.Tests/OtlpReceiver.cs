using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TradingPlatform.ServiceDefaults.Tests;

/// <summary>A real OTLP/HTTP endpoint on a free loopback port that records which signals were exported to it.</summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _tracesReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OtlpReceiver(WebApplication app) => _app = app;

    public string Url => _app.Urls.Single();

    public Task TracesReceived => _tracesReceived.Task;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new OtlpReceiver(builder.Build());
        receiver._app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            // An empty protobuf ExportTraceServiceResponse is a success.
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            if (body.Length > 0)
            {
                receiver._tracesReceived.TrySetResult();
            }

            return Results.Bytes([], "application/x-protobuf");
        });
        receiver._app.MapPost("/v1/{signal}", () => Results.Bytes([], "application/x-protobuf"));
        await receiver._app.StartAsync();
        return receiver;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
