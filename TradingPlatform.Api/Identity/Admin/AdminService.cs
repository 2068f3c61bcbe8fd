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
    public async Task<User> ChangeRoleAsync(ClaimsPrincipal caller, UserId id, string role, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id, cancellationToken);
        EnsureNotSelf(caller, id, "change your own role");
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

    public async Task<User> SetActiveAsync(ClaimsPrincipal caller, UserId id, bool active, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id, cancellationToken);
        EnsureNotSelf(caller, id, active ? "reactivate yourself" : "deactivate yourself");
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

    private async Task<User> FindAsync(UserId id, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
        ?? throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "No such user.");

    private static void EnsureNotSelf(ClaimsPrincipal caller, UserId id, string what)
    {
        // An admin locking themselves out (or demoting the last admin) is never what was meant.
        if (caller.GetUserId() == id)
        {
            throw new ApiException(StatusCodes.Status409Conflict, ErrorCodes.Conflict, $"You cannot {what}; ask another admin.");
        }
    }
}
