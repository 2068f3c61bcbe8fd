namespace TradingPlatform.Api.Mcp;

/// <summary>The <c>whoami</c> tool's answer.</summary>
internal sealed record McpWhoAmI(Guid UserId, string Email, string Name, string Role, string AuthenticatedWith, McpWhoAmIKey? ApiKey, IReadOnlyList<string> Scopes);
