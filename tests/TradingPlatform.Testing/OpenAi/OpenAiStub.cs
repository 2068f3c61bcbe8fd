using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TradingPlatform.Testing.OpenAi;

/// <summary>
/// An OpenAI-compatible server for tests, on Kestrel on a free loopback port: <c>POST /v1/chat/completions</c> (plain
/// and streamed as server-sent events, with usage; answers scripted with <see cref="Enqueue"/>, tool calls included,
/// else <see cref="Answer"/>) and <c>POST /v1/embeddings</c> (a deterministic bag-of-words vector per input, with usage).
/// It records every request (<see cref="Requests"/>), can be told to answer an error status (<see cref="FailWith"/>),
/// to wait before answering (<see cref="Delay"/>), or be stopped (<see cref="StopAsync"/>: its port then refuses).
/// Point a client at <see cref="Endpoint"/> (the <c>/v1</c> base address, as OpenAI's).
/// </summary>
public sealed class OpenAiStub : IAsyncDisposable
{
    public const int EmbeddingDimensions = 64;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OpenAiStubReply> _replies = new();
    private readonly ConcurrentQueue<OpenAiStubRequest> _requests = new();
    private volatile int _failStatus;
    private bool _stopped;

    private OpenAiStub(WebApplication app) => _app = app;

    /// <summary>The base address clients use: <c>http://127.0.0.1:{port}/v1</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The model name the stub reports in its answers.</summary>
    public string Model { get; set; } = "stub-model";

    /// <summary>The text of a chat answer when no reply is queued (by default a fixed sentence citing [1]).</summary>
    public Func<OpenAiStubRequest, string> Answer { get; set; } = _ => "The stub answers from passage [1].";

    /// <summary>How long every answer waits before it is sent (for timeouts).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>The requests received so far, oldest first.</summary>
    public IReadOnlyList<OpenAiStubRequest> Requests => [.. _requests];

    public static async Task<OpenAiStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new OpenAiStub(app);
        app.MapPost("/v1/chat/completions", stub.ChatAsync);
        app.MapPost("/v1/embeddings", stub.EmbeddingsAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return stub;
    }

    /// <summary>The next chat request is answered with <paramref name="reply"/> (replies are used in the order queued).</summary>
    public void Enqueue(OpenAiStubReply reply) => _replies.Enqueue(reply);

    /// <summary>Every request from now on answers <paramref name="status"/> with an OpenAI error body; 0 answers normally again.</summary>
    public void FailWith(int status) => _failStatus = status;

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The stub's embedding of a text: word hashes counted into <see cref="EmbeddingDimensions"/> buckets, unit length.</summary>
    public static float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[EmbeddingDimensions];
        foreach (var word in Words(text))
        {
            var hash = 17;
            foreach (var c in word)
            {
                hash = unchecked((hash * 31) + c);
            }

            vector[(hash & int.MaxValue) % EmbeddingDimensions] += 1;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : [.. vector.Select(v => v / norm)];
    }

    private static string[] Words(string text) =>
        text.ToUpperInvariant().Split((char[])[' ', '\n', '\t', '.', ',', '?', '!', ':', ';', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries);

    private async Task<OpenAiStubRequest?> ReceiveAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var request = new OpenAiStubRequest(context.Request.Path, context.Request.Headers.Authorization.ToString(), body.RootElement.Clone());
        _requests.Enqueue(request);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        if (_failStatus is var status and > 0)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = new { message = $"The stub was told to fail with {status}.", type = "server_error", code = (string?)null } });
            return null;
        }

        return request;
    }

    private async Task ChatAsync(HttpContext context)
    {
        if (await ReceiveAsync(context) is not { } request)
        {
            return;
        }

        var reply = _replies.TryDequeue(out var queued) ? queued : OpenAiStubReply.Text(Answer(request));
        var id = $"chatcmpl-{Guid.NewGuid():N}";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var usage = new { prompt_tokens = reply.PromptTokens, completion_tokens = reply.CompletionTokens, total_tokens = reply.PromptTokens + reply.CompletionTokens };
        var finish = reply.ToolCalls.Count > 0 ? "tool_calls" : "stop";
        var toolCalls = reply.ToolCalls.Select((t, i) => new { index = i, id = t.Id, type = "function", function = new { name = t.Function, arguments = t.ArgumentsJson } }).ToList();
        if (!request.IsStreaming)
        {
            await context.Response.WriteAsJsonAsync(new
            {
                id, @object = "chat.completion", created, model = Model,
                choices = new[]
                {
                    new
                    {
                        index = 0, finish_reason = finish,
                        message = new { role = "assistant", content = reply.Content, tool_calls = toolCalls.Count > 0 ? toolCalls : null },
                    },
                },
                usage,
            });
            return;
        }

        context.Response.ContentType = "text/event-stream";
        async Task Send(object chunk)
        {
            await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        object Chunk(object delta, string? finishReason) => new
        {
            id, @object = "chat.completion.chunk", created, model = Model, choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
        };

        await Send(Chunk(new { role = "assistant", content = "" }, null));
        if (toolCalls.Count > 0)
        {
            await Send(Chunk(new { tool_calls = toolCalls }, null));
        }
        else
        {
            // Word by word, as a model streams.
            foreach (var piece in SplitKeepingSpaces(reply.Content ?? ""))
            {
                await Send(Chunk(new { content = piece }, null));
            }
        }

        await Send(Chunk(new { }, finish));
        await Send(new { id, @object = "chat.completion.chunk", created, model = Model, choices = Array.Empty<object>(), usage });
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    private async Task EmbeddingsAsync(HttpContext context)
    {
        if (await ReceiveAsync(context) is not { } request)
        {
            return;
        }

        var input = request.Body.GetProperty("input");
        var texts = input.ValueKind == JsonValueKind.Array ? input.EnumerateArray().Select(i => i.GetString() ?? "").ToList() : [input.GetString() ?? ""];
        var tokens = texts.Sum(t => Words(t).Length);
        await context.Response.WriteAsJsonAsync(new
        {
            @object = "list",
            data = texts.Select((t, i) => new { @object = "embedding", index = i, embedding = Embed(t) }),
            model = request.Body.TryGetProperty("model", out var model) ? model.GetString() : Model,
            usage = new { prompt_tokens = tokens, total_tokens = tokens },
        });
    }

    private static IEnumerable<string> SplitKeepingSpaces(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ')
            {
                yield return text[start..i];
                start = i;
            }
        }
    }
}
