using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TradingPlatform.Api.Tests;

/// <summary>
/// A real HTTP server on a free loopback port standing in for the AppHost's resource API: it answers the contract's
/// JSON (<c>GET /api/resources</c>, <c>POST /api/resources/{name}/commands/{command}</c>) with a fixed key and records
/// every command it receives.
/// </summary>
public sealed class AppHostResourceApiStub : IAsyncDisposable
{
    public const string Key = "stub-resource-api-key";

    private readonly ConcurrentQueue<(string Resource, string Command, string? Authorization)> _commands = new();
    private WebApplication? _app;

    private AppHostResourceApiStub()
    {
    }

    public IReadOnlyCollection<(string Resource, string Command, string? Authorization)> Commands => [.. _commands];

    public string ResourceApiUrl => (_app?.Urls.Single() ?? throw new InvalidOperationException("not started")) + "/api/resources";

    public static async Task<AppHostResourceApiStub> StartAsync()
    {
        var stub = new AppHostResourceApiStub();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        stub._app = builder.Build();
        stub._app.MapGet("/api/resources", (HttpContext http) => Authorized(http)
            ? Results.Json(new { success = true, data = Resources, timestamp = DateTimeOffset.UtcNow })
            : Unauthorized());
        stub._app.MapPost("/api/resources/{name}/commands/{command}", (string name, string command, HttpContext http) =>
        {
            stub._commands.Enqueue((name, command, http.Request.Headers.Authorization.ToString()));
            if (!Authorized(http))
            {
                return Unauthorized();
            }

            if (name == "tradingdb")
            {
                return Error(400, "VALIDATION_ERROR", "tradingdb is a database inside postgres, not a process: restart postgres instead");
            }

            var resource = Resources.FirstOrDefault(r => r.name == name);
            return resource is null
                ? Error(404, "NOT_FOUND_ERROR", $"there is no resource named '{name}'")
                : Results.Json(new
                {
                    success = true,
                    data = new { command, message = $"{name} restarted; it is starting", resource = resource with { state = "Starting", pid = 4242 } },
                    message = $"{name} restarted; it is starting",
                    timestamp = DateTimeOffset.UtcNow,
                });
        });
        await stub._app.StartAsync();
        return stub;
    }

    private static readonly StubResource[] Resources =
    [
        new("cache", "Redis", "Running", "Healthy", null, 101, ["stop", "restart"]),
        new("messaging", "RabbitMQ", "Running", "Healthy", null, 102, ["stop", "restart"]),
        new("postgres", "Postgres", "Running", "Healthy", null, 103, ["stop", "restart"]),
        new("tradingdb", "PostgresDatabase", "Running", "Healthy", null, null, []),
        new("worker", "Project", "Exited", null, null, null, ["start", "restart"]),
    ];

    private static bool Authorized(HttpContext http) => http.Request.Headers.Authorization.ToString() == $"Bearer {Key}";

    private static IResult Unauthorized() => Error(401, "AUTHENTICATION_ERROR", "A valid resource API key is required.");

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { success = false, status, error = new { code, message } }, statusCode: status, contentType: "application/problem+json");

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

#pragma warning disable IDE1006, CA1812 // the contract's camelCase names, serialised as they are
    private sealed record StubResource(
        string name, string type, string state, string? health, string? healthReason, int? pid, string[] commands, int restarts = 0);
#pragma warning restore IDE1006, CA1812
}
