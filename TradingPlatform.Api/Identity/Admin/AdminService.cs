using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Identity.Audit;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Identity.Admin;

/// <summary>Role and activation changes; each ends the user's current access tokens so the change applies at once.</summary>
public sealed class AdminService(IdentityDbContext db, UserService users, SessionStore sessions, AuditLog audit, TimeProvider time)
{
    public async Task<ServiceResult<User>> ChangeRoleAsync(ClaimsPrincipal caller, UserId id, string role, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } user)
        {
            return NoSuchUser;
        }

        if (Self(caller, id, "change your own role") is { } self)
        {
            return self;
        }

        if (user.Role == role)
        {
            return user;
        }

        var previous = user.Role;
        user.Role = role;
        // Access tokens carry the role: end them so the old role stops working now; refresh tokens stay valid and
        // the next refresh issues a token with the new role.
        user.EndAllSessions(time.GetUtcNow());
        audit.Add(AuditEvents.RoleChanged, user, new { from = previous, to = role, by = caller.GetUserId().ToString() });
        await db.SaveChangesAsync(cancellationToken);
        await sessions.PublishVersionAsync(user.Id, user.SessionVersion);
        return user;
    }

    public async Task<ServiceResult<User>> SetActiveAsync(ClaimsPrincipal caller, UserId id, bool active, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } user)
        {
            return NoSuchUser;
        }

        if (Self(caller, id, active ? "reactivate yourself" : "deactivate yourself") is { } self)
        {
            return self;
        }

        if (user.IsActive == active)
        {
            return user;
        }

        var now = time.GetUtcNow();
        user.IsActive = active;
        user.UpdatedAt = now;
        if (!active)
        {
            await users.EndSessionsAsync(user, now, cancellationToken);
        }

        audit.Add(active ? AuditEvents.Reactivated : AuditEvents.Deactivated, user, new { by = caller.GetUserId().ToString() });
        await db.SaveChangesAsync(cancellationToken);
        await sessions.PublishVersionAsync(user.Id, user.SessionVersion);
        return user;
    }

    private static readonly ServiceError NoSuchUser = ServiceError.NotFound("No such user.");

    private Task<User?> FindAsync(UserId id, CancellationToken cancellationToken) =>
        db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    // An admin locking themselves out (or demoting the last admin) is never what was meant.
    private static ServiceError? Self(ClaimsPrincipal caller, UserId id, string what) =>
        caller.GetUserId() == id ? ServiceError.Conflict($"You cannot {what}; ask another admin.") : null;
}
