using System.Text.Json;
using ModelContextProtocol.Protocol;
using TradingPlatform.Api.Ai;

namespace TradingPlatform.Api.Mcp;

/// <summary>
/// The MCP server (streamable HTTP, ModelContextProtocol.AspNetCore) at <c>/mcp</c>: agents authenticate as a user
/// with the user's access token or one of the user's API keys, and see the tools their scopes allow.
/// </summary>
public static class McpExtensions
{
    public const string Path = "/mcp";

    private const string Instructions =
        "TradingPlatform is a paper-trading platform. Every tool acts for the signed-in user and sees only that user's data. " +
        "Call whoami first to learn the user and the scopes: read tools are always there; place_order and cancel_order need " +
        "the trade scope, start_backtest the backtest scope. Orders are paper orders on simulated markets; give a clientOrderId " +
        "so that a retried place_order cannot place a second order.";

    public static IHostApplicationBuilder AddMcpTools(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddScoped<McpAccountResolver>();
        services.AddScoped<McpActionAudit>();
        // As AiServiceClient: no standard resilience handler (its 10 s attempt timeout and blind retries suit no AI call).
#pragma warning disable EXTEXP0001
        services.AddHttpClient<McpAiClient>(client => client.BaseAddress = AiServiceClient.BaseAddress).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddAuthorizationBuilder().AddMcpPolicies();

        var json = JsonSerializerOptions.Web;
        services.AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "tradingplatform", Title = "TradingPlatform", Version = "1.0.0" };
                options.ServerInstructions = Instructions;
            })
            // Stateless: every request carries its own credentials and is answered by whichever Api replica gets it,
            // so the server needs no session affinity; no tool needs to call back into the client.
            .WithHttpTransport(options => options.Stateless = true)
            .WithTools<McpIdentityTools>(json)
            .WithTools<McpPortfolioTools>(json)
            .WithTools<McpMarketTools>(json)
            .WithTools<McpBacktestTools>(json)
            .WithTools<McpAiTools>(json)
            .WithTools<McpTradingTools>(json)
            .WithTools<McpBacktestRunTools>(json)
            // Applies each tool class's [Authorize] policy to tools/list and tools/call; registered before the argument
            // check, so that a tool the caller may not use is refused as such, whatever its arguments.
            .AddAuthorizationFilters()
            .WithRequestFilters(filters => filters.AddCallToolFilter(McpArgumentCheck.Filter));
        return builder;
    }

    /// <summary>The endpoint refuses a request without a valid access token or API key (401 in the error envelope) before MCP sees it.</summary>
    public static IEndpointConventionBuilder MapMcpServer(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        // Not in the OpenAPI document: MCP describes itself (tools/list with each tool's input schema), and its one
        // route answers JSON-RPC, which an OpenAPI operation could only call "any body".
        return routes.MapMcp(Path).RequireAuthorization(McpPolicies.Endpoint).ExcludeFromDescription();
    }
}
