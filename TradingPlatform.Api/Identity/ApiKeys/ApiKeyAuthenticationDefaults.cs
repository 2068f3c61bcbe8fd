namespace TradingPlatform.Api.Identity.ApiKeys;

public static class ApiKeyAuthenticationDefaults
{
    /// <summary>The scheme that validates <c>Authorization: Bearer tp_…</c>.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>
    /// The policy scheme of agent endpoints (<c>/mcp</c>): a bearer that starts with <see cref="ApiKeySecret.Prefix"/>
    /// goes to <see cref="Scheme"/>, anything else to the JWT scheme. The REST API keeps the JWT scheme alone, so a key
    /// never reaches it (a key's scopes are enforced where agents connect, and nowhere else needs to know them).
    /// </summary>
    public const string AgentScheme = "AgentBearer";
}
