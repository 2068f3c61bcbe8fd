using System.Text.Json;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Identity.Audit;

/// <summary>
/// Adds security events to the identity context, so that they are saved in the same SaveChanges as the change they
/// describe (a role change is never saved without its entry, nor the other way round).
/// </summary>
public sealed class AuditLog(IdentityDbContext db, IHttpContextAccessor http, TimeProvider time)
{
    public void Add(string @event, User? user, object? details = null, string? email = null)
    {
        var request = http.HttpContext?.Request;
        var userAgent = request?.Headers.UserAgent.ToString();
        db.AuditLog.Add(new AuditLogEntry
        {
            Time = time.GetUtcNow(),
            UserId = user?.Id.Value,
            Email = user?.Email ?? Truncate(email, 254),
            Event = @event,
            Ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(userAgent, 512),
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
        });
    }

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}
