namespace TradingPlatform.Api.Identity.ApiKeys;

/// <summary>The answer to creating a key: the key itself, shown this once (only its hash is kept), and its listing entry.</summary>
public sealed record CreatedApiKeyResponse(string Key, ApiKeyResponse ApiKey);
