using Microsoft.AspNetCore.Authorization;
using TradingPlatform.Api.Identity.ApiKeys;

namespace TradingPlatform.Api.Mcp;

/// <summary>
/// The MCP endpoint's policy (an authenticated caller, by access token or API key) and one policy per scope for the
/// tools. The SDK's authorization filters apply the tools' policies to <c>tools/list</c> as well as to
/// <c>tools/call</c>, so a tool the caller may not use is neither listed nor callable.
/// </summary>
public static class McpPolicies
{
    public const string Endpoint = "mcp";
    public const string Read = "mcp:" + ApiKeyScopes.Read;
    public const string Trade = "mcp:" + ApiKeyScopes.Trade;
    public const string Backtest = "mcp:" + ApiKeyScopes.Backtest;

    public static AuthorizationBuilder AddMcpPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(Endpoint, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationDefaults.AgentScheme).RequireAuthenticatedUser())
            .AddPolicy(Read, policy => ScopePolicy(policy, ApiKeyScopes.Read))
            .AddPolicy(Trade, policy => ScopePolicy(policy, ApiKeyScopes.Trade))
            .AddPolicy(Backtest, policy => ScopePolicy(policy, ApiKeyScopes.Backtest));
    }

    private static void ScopePolicy(AuthorizationPolicyBuilder policy, string scope) =>
        policy.RequireAuthenticatedUser().RequireAssertion(context => ApiKeyScopes.Grants(context.User, scope));
}
