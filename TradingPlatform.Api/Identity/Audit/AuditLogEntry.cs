namespace TradingPlatform.Api.Identity.Audit;

/// <summary>One security event: who, from where, what happened.</summary>
public sealed class AuditLogEntry
{
    public long Id { get; init; }

    public required DateTimeOffset Time { get; init; }

    public Guid? UserId { get; init; }

    public string? Email { get; init; }

    /// <summary>One of <see cref="AuditEvents"/>.</summary>
    public required string Event { get; init; }

    public string? Ip { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>A JSON object with event-specific facts (reason, old and new role …).</summary>
    public string? Details { get; init; }
}
