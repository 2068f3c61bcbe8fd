using System.Text.Json;

namespace TradingPlatform.Api.Identity.Audit;

public sealed record AuditLogEntryResponse(
    long Id, DateTimeOffset Time, string? UserId, string? Email, string Event, string? Ip, string? UserAgent, JsonElement? Details)
{
    public static AuditLogEntryResponse From(AuditLogEntry entry) => new(
        entry.Id,
        entry.Time,
        entry.UserId?.ToString(),
        entry.Email,
        entry.Event,
        entry.Ip,
        entry.UserAgent,
        entry.Details is null ? null : JsonDocument.Parse(entry.Details).RootElement.Clone());
}
