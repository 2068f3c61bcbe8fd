namespace TradingPlatform.Api.Mcp;

/// <summary>The API key an agent authenticated with (never its secret).</summary>
internal sealed record McpWhoAmIKey(Guid Id, string Name);
