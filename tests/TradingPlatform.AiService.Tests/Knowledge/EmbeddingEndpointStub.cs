using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TradingPlatform.AiService.Tests.Knowledge;

/// <summary>
/// A local OpenAI-compatible embeddings server (<c>POST /v1/embeddings</c>) on a loopback port: each input's vector
/// counts its words hashed into 16 buckets (so texts that share words are similar), and the usage reports one token
/// per word. It counts the requests and the inputs it answered.
/// </summary>
public sealed class EmbeddingEndpointStub : IAsyncDisposable
{
    public const int Dimensions = 16;

    private readonly WebApplication _app;
    private int _requests;
    private int _inputs;

    private EmbeddingEndpointStub(WebApplication app) => _app = app;

    public string Endpoint => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1";

    public int Requests => Volatile.Read(ref _requests);

    public int Inputs => Volatile.Read(ref _inputs);

    public static async Task<EmbeddingEndpointStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new EmbeddingEndpointStub(app);
        app.MapPost("/v1/embeddings", async (HttpContext context) =>
        {
            using var request = await JsonDocument.ParseAsync(context.Request.Body);
            var input = request.RootElement.GetProperty("input");
            var texts = input.ValueKind == JsonValueKind.Array ? input.EnumerateArray().Select(e => e.GetString() ?? "").ToArray() : [input.GetString() ?? ""];
            Interlocked.Increment(ref stub._requests);
            Interlocked.Add(ref stub._inputs, texts.Length);
            var words = texts.Select(t => t.Split((char[])[' ', '\n', '?', '.', ','], StringSplitOptions.RemoveEmptyEntries)).ToArray();
            var data = words.Select((w, i) => new { @object = "embedding", index = i, embedding = Vector(w) }).ToArray();
            var tokens = words.Sum(w => w.Length);
            return Results.Json(new { @object = "list", data, model = request.RootElement.GetProperty("model").GetString(), usage = new { prompt_tokens = tokens, total_tokens = tokens } });
        });
        await app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static float[] Vector(string[] words)
    {
        var vector = new float[Dimensions];
        foreach (var word in words)
        {
            var hash = 0;
            foreach (var c in word.ToLowerInvariant())
            {
                hash = unchecked((hash * 31) + c);
            }

            vector[(hash & int.MaxValue) % Dimensions] += 1;
        }

        vector[0] += 0.01f;
        return vector;
    }
}
