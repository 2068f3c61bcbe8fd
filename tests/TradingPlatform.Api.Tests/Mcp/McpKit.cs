using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;

namespace TradingPlatform.Api.Tests.Mcp;

/// <summary>
/// The MCP tests' kit: API keys made through the real endpoint, and the SDK's own client over the test server's
/// handler (an HttpClient from the factory, which is how every other test reaches the Api).
/// </summary>
internal static class McpKit
{
    public static readonly string[] ReadTools =
    [
        "whoami", "get_holdings", "get_positions", "list_orders", "get_quotes", "get_candles", "list_backtests", "get_backtest",
        "get_forecast", "get_sentiment", "ask_project_chat",
    ];

    public static readonly string[] ActingTools = ["place_order", "cancel_order", "start_backtest"];

    public static async Task<(string Key, Guid Id)> CreateApiKeyAsync(this HttpClient client, string[] scopes, DateTimeOffset? expiresAt = null, string name = "agent")
    {
        using var response = await client.PostAsJsonAsync("/api/api-keys", new { name, scopes, expiresAt });
        var data = await response.ReadDataAsync(HttpStatusCode.Created);
        return (data.GetProperty("key").GetString()!, data.GetProperty("apiKey").GetProperty("id").GetGuid());
    }

    /// <summary>An MCP client authenticated with <paramref name="bearer"/> (an access token or an API key).</summary>
    public static async Task<McpClient> ConnectAsync(this ApiFactory factory, string bearer)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            http,
            ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    public static async Task<IReadOnlyList<string>> ToolNamesAsync(this McpClient client) =>
        [.. (await client.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal)];

    /// <summary>Calls a tool that must succeed and returns its answer's JSON.</summary>
    public static async Task<JsonElement> CallAsync(this McpClient client, string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await client.CallToolAsync(tool, arguments ?? []);
        var text = Text(result);
        Assert.True(result.IsError != true, $"{tool} failed: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Calls a tool that must fail as a tool error (not a protocol error, not a crash) and returns its message.</summary>
    public static async Task<string> CallFailingAsync(this McpClient client, string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await client.CallToolAsync(tool, arguments ?? []);
        var text = Text(result);
        Assert.True(result.IsError == true, $"{tool} was expected to fail but answered: {text}");
        return text;
    }

    public static string Text(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    /// <summary>A raw JSON-RPC POST to /mcp, for the refusals that happen before MCP is reached.</summary>
    public static async Task<HttpResponseMessage> PostRawAsync(this ApiFactory factory, string? bearer)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = JsonContent.Create(new { jsonrpc = "2.0", id = 1, method = "tools/list", @params = new { } }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }
}
