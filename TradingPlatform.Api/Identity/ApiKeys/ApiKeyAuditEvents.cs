namespace TradingPlatform.Api.Identity.ApiKeys;

/// <summary>The audit log's events for API keys (beside <see cref="Audit.AuditEvents"/>).</summary>
public static class ApiKeyAuditEvents
{
    public const string Created = "api_key.created";
    public const string Revoked = "api_key.revoked";
}
