using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TradingPlatform.Worker.Tests.Analysis;

/// <summary>
/// A real HTTP server on a free loopback port answering <c>POST /api/ai/config-review</c> as the AiService's contract
/// says: reviewed suggestions in the envelope, 409 <c>no_model</c>, or a 500. It keeps what it was sent.
/// </summary>
public sealed class ConfigReviewStub : IAsyncDisposable
{
    public const string Model = "stub-reviewer";

    private WebApplication? _app;

    private ConfigReviewStub()
    {
    }

    public enum Mode
    {
        /// <summary>Every suggestion back, reworded ("Reviewed: …"), confidence 0.9; the first one's proposed value replaced by <see cref="ProposedOverride"/> when set.</summary>
        Review,
        NoModel,
        Fail,
        Garbage,
    }

    public string Url => _app?.Urls.Single() ?? throw new InvalidOperationException("The stub has not started.");

    public string? ProposedOverride { get; set; }

    public List<(string? Authorization, JsonNode Body)> Requests { get; } = [];

    public static async Task<ConfigReviewStub> StartAsync(Mode mode)
    {
        var stub = new ConfigReviewStub();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        stub._app = builder.Build();
        stub._app.MapPost("/api/ai/config-review", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!;
            lock (stub.Requests)
            {
                stub.Requests.Add((request.Headers.Authorization.ToString(), body));
            }

            return mode switch
            {
                Mode.NoModel => Results.Json(Error("no_model", "No model is configured."), statusCode: 409),
                Mode.Fail => Results.Json(Error("INTERNAL_SERVER_ERROR", "boom"), statusCode: 500),
                Mode.Garbage => Results.Text("not json", "application/json"),
                _ => Results.Json(new JsonObject { ["success"] = true, ["data"] = stub.Reviewed(body) }),
            };
        });
        await stub._app.StartAsync();
        return stub;
    }

    private JsonObject Reviewed(JsonNode body)
    {
        var suggestions = new JsonArray();
        var first = true;
        foreach (var suggestion in body["suggestions"]!.AsArray())
        {
            var copy = suggestion!.DeepClone().AsObject();
            copy["reasoning"] = "Reviewed: " + copy["reasoning"]!.GetValue<string>();
            copy["expectedEffect"] = "The model expects fewer and smaller losses.";
            copy["confidence"] = 0.9;
            if (first && ProposedOverride is not null)
            {
                copy["proposedValue"] = ProposedOverride;
            }

            first = false;
            suggestions.Add(copy);
        }

        // One the engine never made: ignored.
        suggestions.Add(new JsonObject { ["key"] = "invented", ["setting"] = "leverage", ["currentValue"] = "1", ["proposedValue"] = "50", ["reasoning"] = "x", ["expectedEffect"] = "x", ["confidence"] = 1 });
        return new JsonObject { ["suggestions"] = suggestions, ["model"] = Model };
    }

    private static JsonObject Error(string code, string message) =>
        new() { ["success"] = false, ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
